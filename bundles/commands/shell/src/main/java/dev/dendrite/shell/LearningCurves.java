package dev.dendrite.shell;

import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.plot.Figure;
import dev.dendrite.plot.LineChart;
import dev.dendrite.plot.Plots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code ml:train --curve FILE.svg}: the run's learning curves as SVG, two charts side by side —
 * the cost J per epoch (log scale) and the headline metric per epoch, each on the training split (solid) and,
 * when there is one, the validation split (dashed). Series ids: {@code train-loss},
 * {@code val-loss}, {@code train-METRIC}, {@code val-METRIC}.
 */
final class LearningCurves {
    private static final String TRAIN = LineChart.COLORS.get(0);
    private static final String VALIDATION = LineChart.COLORS.get(1);

    private LearningCurves() {
    }

    /**
     * Reads the option's value, before training.
     *
     * @throws IllegalArgumentException unless the name ends with {@code .svg} and the file can be written ({@link OutputPath})
     */
    static Path file(String option) {
        String name = option.trim();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".svg")) {
            throw new IllegalArgumentException("'" + name + "' must name an .svg file");
        }
        return OutputPath.file(Path.of(name));
    }

    /** Writes the curves of {@code result} to {@code file}; returns the file. */
    static Path write(TrainingResult result, Path file) {
        try {
            Plots.writeSvg(figure(result), file);
            return file;
        } catch (IOException e) {
            throw new IllegalArgumentException("--curve: cannot write " + file + ": " + e.getMessage());
        }
    }

    static Figure figure(TrainingResult result) {
        List<EpochReport> history = result.history();
        String metric = history.get(0).metric();
        Map<String, String> p = result.model().provenance();
        long perEpoch = history.get(0).iterations();
        String subtitle = String.format(Locale.ROOT, "%s; hidden %s; %s %s; batch %s; %d iteration%s per epoch", p.getOrDefault("data", "?"),
                p.getOrDefault("layers", "?"), p.getOrDefault("optimizer", "?"), "α " + p.getOrDefault("lr", "?") + (p.containsKey("hp") ? " " + p.get("hp") : ""),
                p.getOrDefault("batch", "?"), perEpoch, perEpoch == 1 ? "" : "s");
        return Figure.row(List.of(
                chart("Cost J per epoch (log scale)", "loss", subtitle, history, EpochReport::trainCost, EpochReport::validationCost)
                        .yScale(LineChart.Scale.LOG),
                chart(metric + " per epoch", metric, "", history, EpochReport::trainMetric, EpochReport::validationMetric)));
    }

    private static LineChart chart(String title, String name, String subtitle, List<EpochReport> history,
                                   ToDoubleFunction<EpochReport> train, ToDoubleFunction<EpochReport> validation) {
        double[] epochs = history.stream().mapToDouble(EpochReport::epoch).toArray();
        LineChart chart = new LineChart(title, "epoch", name).subtitle(subtitle)
                .add(LineChart.Series.line("train-" + name, "training", epochs, history.stream().mapToDouble(train).toArray(), TRAIN));
        double[] val = history.stream().mapToDouble(validation).toArray();
        if (!Double.isNaN(val[0])) {
            chart.add(LineChart.Series.line("val-" + name, "validation", epochs, val, VALIDATION).withDashes());
        }
        return chart;
    }
}
