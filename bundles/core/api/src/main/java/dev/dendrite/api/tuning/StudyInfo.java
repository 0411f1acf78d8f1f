package dev.dendrite.api.tuning;

import java.nio.file.Path;

/**
 * One saved study as {@link Tuner#list()} shows it. A journal that cannot be read to its end is
 * listed too, with its {@code problem}; {@code study} is then what the lines before the problem
 * hold (the part that {@link Tuner#repair} keeps and {@link Tuner#export} writes), or null when not
 * even the first line reads.
 *
 * @param name    the study's name (its journal's file name without {@code .jsonl})
 * @param journal the journal file, or null for a study kept in a database
 * @param study   the study, or its readable part when there is a problem (may then be null)
 * @param problem why the journal cannot be read to its end, e.g. {@code line 17642: trial 40 finished but not running}; null when it reads
 */
public record StudyInfo(String name, Path journal, Study study, String problem) {
}
