/**
 * Study storages shared by many processes, on any machines: the contract between the tuner, which
 * runs a study's trials, and a database that keeps them (bundle {@code dev.dendrite.study-postgresql}
 * for PostgreSQL). The tuner decides what to train; the storage guarantees that each trial is
 * claimed by one worker at a time, that a worker whose heartbeat stopped loses its trial to the
 * others, and that a result is counted once.
 *
 * <p>1.0: {@link dev.dendrite.api.tuning.shared.StudyDatabases}, {@link dev.dendrite.api.tuning.shared.StudyDatabase}
 * and their data types.
 */
@Export
@Version("1.0.0")
package dev.dendrite.api.tuning.shared;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
