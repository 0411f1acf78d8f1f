package dev.dendrite.tuning;

import dev.dendrite.api.tuning.StudySettings;
import java.nio.file.Path;
import java.util.List;

/**
 * Where studies are kept, by name: what {@link Studies} reads, runs, repairs and exports:
 * {@link JournalStorage}, a journal file per study in a folder, used by one process at a time per
 * study, or {@link DatabaseStorage}, a database shared by many processes (whose runs go through
 * {@link SharedRunner}, not a {@link Session}).
 */
interface StudyStorage {

    /**
     * A saved study as far as it reads.
     *
     * @param contents what its valid part holds; null when not even its first event reads
     * @param problem  why it does not read to its end (e.g. {@code line 17642: trial 40 finished but not running}), or null
     */
    record Saved(Journal.Contents contents, String problem) {
    }

    /** A study's exclusive use by this process, for one run, until closed. */
    interface Session extends AutoCloseable {

        /** The study as it was when the session began, or null when there was none. */
        Saved saved();

        /** Starts a new study (there must be none) with its first event. */
        TrialLog create(StudySettings settings, String metric, boolean higherIsBetter);

        /** Continues the saved study. */
        TrialLog append();

        /** Ends the exclusive use (a crashed process's ends with it). */
        @Override
        void close();
    }

    /** The saved studies' names, sorted. */
    List<String> names();

    /** The journal of the study {@code name}, or null when it is not kept in a file. */
    Path location(String name);

    /** Where the study {@code name} is, or would be, kept (for messages). */
    default String where(String name) {
        return location(name).toString();
    }

    /** Where the studies are (for messages). */
    String where();

    /** The study {@code name}, or null when there is none. */
    Saved read(String name);

    /**
     * Begins using the study {@code name} exclusively.
     *
     * @throws IllegalStateException when another run holds it (the message names the holder)
     */
    Session open(String name);

    /**
     * Keeps the valid part of a damaged study, setting the original aside.
     *
     * @return where the original is now
     * @throws IllegalArgumentException when there is no such study, no damage, or nothing valid to keep
     * @throws IllegalStateException    when a run holds the study
     */
    Path repair(String name);

    /**
     * Writes the valid part of the study {@code name} to {@code file} as a journal.
     *
     * @return what the file holds
     * @throws IllegalArgumentException when there is no such study or nothing valid to write
     */
    Journal.Contents export(String name, Path file);

    /**
     * Adds the study {@code name} with what {@code contents} holds (moved from elsewhere).
     *
     * @throws IllegalArgumentException when a study of that name exists
     */
    void put(String name, Journal.Contents contents);
}
