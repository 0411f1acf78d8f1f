package dev.dendrite.shell;

import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --history FILE}: one row per epoch, written as the epoch ends (so an interrupted run
 * keeps its rows): the epoch, the iterations so far, the learning rate α of the epoch, the loss and
 * every metric on the training split, then on the validation split ({@code val_…}), and the
 * epoch's time in milliseconds. {@code .csv} gets a header line and comma-separated numbers;
 * {@code .jsonl} one JSON object per line.
 */
final class HistoryFile implements TrainingListener, AutoCloseable {

    private final Path file;
    private final boolean csv;
    private final BufferedWriter out;
    private List<String> columns;

    private HistoryFile(Path file, BufferedWriter out) {
        this.file = file;
        this.csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        this.out = out;
    }

    /** Reads the option's value: a path ending in .csv or .jsonl whose folder exists, that can be written ({@link OutputPath}). */
    static Path file(String text) {
        Path path = Path.of(text.trim());
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".jsonl")) {
            throw new IllegalArgumentException("'" + text + "' must end in .csv or .jsonl");
        }
        Path folder = path.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no folder " + folder + " for '" + text + "'");
        }
        return OutputPath.file(path);
    }

    /** Creates (or replaces) the file. */
    static HistoryFile open(Path file) {
        try {
            return new HistoryFile(file, Files.newBufferedWriter(file));
        } catch (IOException e) {
            throw new UncheckedIOException("--history: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void epoch(EpochReport report) {
        Map<String, Object> row = row(report);
        try {
            if (csv) {
                if (columns == null) {
                    columns = new ArrayList<>(row.keySet());
                    out.write(String.join(",", columns));
                    out.newLine();
                }
                List<String> cells = new ArrayList<>();
                for (String column : columns) {
                    Object v = row.get(column);
                    cells.add(v == null ? "" : v.toString());
                }
                out.write(String.join(",", cells));
            } else {
                out.write(Json.write(row));
            }
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("--history: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The columns of one epoch, in order. */
    static Map<String, Object> row(EpochReport report) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("epoch", report.epoch());
        row.put("iteration", report.iterations());
        row.put("lr", finite(report.learningRate()));
        put(row, "", report.train());
        if (report.validation() != null) {
            put(row, "val_", report.validation());
        }
        row.put("millis", report.millis());
        return row;
    }

    private static void put(Map<String, Object> row, String prefix, Metrics metrics) {
        row.put(prefix + "loss", finite(metrics.cost()));
        metrics.values().forEach((name, value) -> row.put(prefix + name, finite(value)));
    }

    /** The value, or null (an empty CSV cell, a JSON null) when it is not a finite number. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("--history: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
