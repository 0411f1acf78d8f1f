package dev.dendrite.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end of a log file in the layout of Dendrite's and Karaf's logs ({@code 2026-11-30T10:51:02,123 | INFO  | …}):
 * the last entries at or above a level, an entry being its first line and the lines that follow it
 * up to the next entry (a stack trace).
 */
final class LogTail {
    /** The levels, lowest first. */
    static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");

    private static final Pattern ENTRY = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}\\S*\\s*\\|\\s*(\\w+)\\s*\\|");

    private LogTail() {
    }

    /**
     * The last {@code count} entries of {@code file} whose level is {@code level} or above ({@code
     * level} one of {@link #LEVELS}), oldest first, each with its following lines; lines before the
     * first entry count as one entry of level info.
     */
    static List<String> of(Path file, int count, String level) throws IOException {
        int least = LEVELS.indexOf(level);
        Deque<String> entries = new ArrayDeque<>(count + 1);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), utf8))) {
            StringBuilder entry = null;
            boolean kept = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher m = ENTRY.matcher(line);
                boolean starts = m.find();
                if (starts || entry == null) {
                    keep(entries, entry, kept, count);
                    entry = new StringBuilder(line);
                    kept = rank(starts ? m.group(1) : "info") >= least;
                } else {
                    entry.append(System.lineSeparator()).append(line);
                }
            }
            keep(entries, entry, kept, count);
        }
        return List.copyOf(entries);
    }

    private static void keep(Deque<String> entries, StringBuilder entry, boolean kept, int count) {
        if (entry != null && kept) {
            entries.addLast(entry.toString());
            if (entries.size() > count) {
                entries.removeFirst();
            }
        }
    }

    /** The rank of a level as logged (FATAL ranks as error, an unknown word as info). */
    private static int rank(String logged) {
        String level = logged.toLowerCase(Locale.ROOT);
        if (level.equals("fatal")) {
            return LEVELS.indexOf("error");
        }
        int rank = LEVELS.indexOf(level.equals("warning") ? "warn" : level);
        return rank < 0 ? LEVELS.indexOf("info") : rank;
    }
}
