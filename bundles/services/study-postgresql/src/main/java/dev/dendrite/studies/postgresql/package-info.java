/** Studies in a PostgreSQL database that many worker processes share (private: the service is {@code StudyDatabases}). */
package dev.dendrite.studies.postgresql;
