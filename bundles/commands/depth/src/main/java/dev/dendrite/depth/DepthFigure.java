package dev.dendrite.depth;

import dev.dendrite.plot.Figure;
import dev.dendrite.plot.LineChart;
import dev.dendrite.plot.TextChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The pictures of a depth study. SVG/PNG: on the left the validation metric of every seed (grey
 * dots) and its mean ± standard deviation (blue) against the number of hidden layers; on the
 * right the mean validation metric after each epoch, one line per depth. Terminal: the same
 * learning curves as characters, each depth drawn with its digit.
 */
final class DepthFigure {

    private DepthFigure() {
    }

    static Figure of(DepthReport report) {
        return Figure.row(List.of(byDepth(report), byEpoch(report)));
    }

    private static LineChart byDepth(DepthReport report) {
        DepthSettings s = report.settings();
        String metric = s.task().metric();
        List<DepthReport.Row> rows = report.rows();
        double[] depths = rows.stream().mapToDouble(r -> r.architecture().hidden().size()).toArray();
        List<Double> seedDepths = new ArrayList<>();
        List<Double> seedValues = new ArrayList<>();
        for (DepthReport.Row r : rows) {
            r.runs().forEach(run -> {
                seedDepths.add((double) r.architecture().hidden().size());
                seedValues.add(run.metric());
            });
        }
        double[] mean = rows.stream().mapToDouble(DepthReport.Row::mean).toArray();
        double[] low = rows.stream().mapToDouble(r -> r.mean() - r.spread()).toArray();
        double[] high = rows.stream().mapToDouble(r -> r.mean() + r.spread()).toArray();
        double lo = rows.stream().mapToInt(r -> r.architecture().hidden().size()).min().orElseThrow();
        double hi = rows.stream().mapToInt(r -> r.architecture().hidden().size()).max().orElseThrow();
        return new LineChart("Validation " + metric + " against depth: " + s.task().label(), "hidden layers", "validation " + metric)
                .subtitle(String.format(Locale.ROOT, "%d parameters each (within 5 %%), %d epochs, %d seeds", s.budget(), s.epochs(), s.seeds()))
                .xRange(lo - 0.5, hi + 0.5)
                .xTicks(rows.stream().map(r -> (double) r.architecture().hidden().size()).toList())
                .add(LineChart.Series.points("seeds", "each seed", seedDepths.stream().mapToDouble(Double::doubleValue).toArray(),
                        seedValues.stream().mapToDouble(Double::doubleValue).toArray(), "#9e9e9e"))
                .add(LineChart.Series.line("mean", "mean ± sd", depths, mean, LineChart.COLORS.get(0)).withMarkers().withBars(low, high));
    }

    private static LineChart byEpoch(DepthReport report) {
        DepthSettings s = report.settings();
        LineChart chart = new LineChart("Validation " + s.task().metric() + " per epoch, mean of the seeds", "epoch",
                "validation " + s.task().metric())
                .subtitle("same parameters and epochs for every depth");
        double[] epochs = IntStream.rangeClosed(1, s.epochs()).asDoubleStream().toArray();
        List<DepthReport.Row> rows = report.rows();
        for (int i = 0; i < rows.size(); i++) {
            DepthReport.Row r = rows.get(i);
            int depth = r.architecture().hidden().size();
            chart.add(LineChart.Series.line("depth-" + depth, depth + " hidden (" + r.architecture().widths() + ")", epochs, r.meanCurve(),
                    LineChart.COLORS.get(i % LineChart.COLORS.size())));
        }
        return chart;
    }

    /** The mean learning curves as a character chart, 60 × 12. */
    static String text(DepthReport report) {
        DepthSettings s = report.settings();
        List<TextChart.Curve> curves = report.rows().stream()
                .map(r -> new TextChart.Curve(Character.forDigit(r.architecture().hidden().size(), 10), r.meanCurve())).toList();
        String header = "validation " + s.task().metric() + " per epoch, mean of " + s.seeds() + " seeds; each depth drawn with its digit";
        return TextChart.curves(curves, 60, 12, header, "epoch 1", "epoch " + s.epochs());
    }
}
