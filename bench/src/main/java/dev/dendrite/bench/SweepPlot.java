package dev.dendrite.bench;

import dev.dendrite.plot.LineChart;
import dev.dendrite.plot.LineChart.Series;
import dev.dendrite.plot.Plots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The sweep drawn: for each batch size one SVG of GFLOP/s against the hidden width h (log scale),
 * a line per back-end and precision, Dendrite's next to PyTorch's (one thread), from the
 * {@code RESULT … sweep …} lines of a results folder (bench/run sweep writes them).
 */
final class SweepPlot {
    private static final Map<String, String> COLORS = Map.of("vector", LineChart.COLORS.get(0), "blas", LineChart.COLORS.get(1),
            "torch-1thread", LineChart.COLORS.get(2), "ejml", LineChart.COLORS.get(3), "ejml-mt", LineChart.COLORS.get(4));

    private SweepPlot() {
    }

    /** Writes {@code PREFIX-batchB.svg} for each batch size B found in the results. */
    static void write(Path results, String prefix) throws IOException {
        // batch → series name → width → GFLOP/s
        Map<Integer, Map<String, TreeMap<Integer, Double>>> byBatch = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(results)) {
            files = listed.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                String[] words = line.split("\\s+");
                if (words.length < 3 || !words[0].equals("RESULT") || !words[2].equals("sweep")) {
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                for (String w : words) {
                    int eq = w.indexOf('=');
                    if (eq > 0) {
                        fields.put(w.substring(0, eq), w.substring(eq + 1));
                    }
                }
                String who = words[1].equals("dendrite") ? fields.get("backend") : words[1];
                String name = who + " " + fields.get("precision");
                byBatch.computeIfAbsent(Integer.parseInt(fields.get("batch")), b -> new LinkedHashMap<>())
                        .computeIfAbsent(name, n -> new TreeMap<>())
                        .put(Integer.parseInt(fields.get("width")), Double.parseDouble(fields.get("gflops")));
            }
        }
        if (byBatch.isEmpty()) {
            throw new IllegalArgumentException("no sweep results in " + results);
        }
        for (Map.Entry<Integer, Map<String, TreeMap<Integer, Double>>> batch : byBatch.entrySet()) {
            LineChart chart = new LineChart("Training throughput, 784-h-h-10, batch " + batch.getKey(), "hidden width h",
                    "GFLOP/s (products of an epoch ÷ its time)")
                    .subtitle("2 cores of AMD Zen 4; peak 114 GFLOP/s float64, 228 float32; dashed: float64")
                    .xScale(LineChart.Scale.LOG).xTicks(List.of(64.0, 128.0, 256.0, 512.0, 1024.0, 2048.0)).size(720, 460);
            List<String> names = new ArrayList<>(batch.getValue().keySet());
            names.sort(null);
            for (String name : names) {
                TreeMap<Integer, Double> points = batch.getValue().get(name);
                double[] x = points.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
                double[] y = points.values().stream().mapToDouble(Double::doubleValue).toArray();
                String who = name.substring(0, name.indexOf(' '));
                Series s = Series.line(name.replace(' ', '-'), name, x, y, COLORS.getOrDefault(who, LineChart.COLORS.get(7))).withMarkers();
                chart.add(name.endsWith("float64") ? s.withDashes() : s);
            }
            Path svg = Path.of(prefix + "-batch" + batch.getKey() + ".svg");
            Plots.writeSvg(chart, svg);
            System.out.println("wrote " + svg);
        }
    }
}
