package dev.dendrite.uat;

import dev.dendrite.plot.LineChart;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Max and RMS error on the test grid against the hidden width n[1], on log–log axes. */
final class ErrorFigure {
    /** Errors below this are drawn at it: log axes cannot show 0. */
    private static final double FLOOR = 1e-12;

    private ErrorFigure() {
    }

    static LineChart of(UatReport report) {
        List<WidthResult> results = report.results().stream().sorted(Comparator.comparingInt(WidthResult::width)).toList();
        double[] widths = results.stream().mapToDouble(WidthResult::width).toArray();
        LineChart chart = new LineChart("Error against hidden width: " + report.settings().target().describe(),
                "hidden units n[1] (log scale)", "error on the test grid (log scale)")
                .xScale(LineChart.Scale.LOG).yScale(LineChart.Scale.LOG)
                .xRange(widths[0] / 1.5, widths[widths.length - 1] * 1.5)
                .xTicks(results.stream().map(r -> (double) r.width()).toList());
        chart.add(LineChart.Series.line("max-error", "max error", widths, errors(results, WidthResult::maxError), "#d62728").withMarkers());
        chart.add(LineChart.Series.line("rms-error", "RMS error", widths, errors(results, WidthResult::rmsError), "#1f77b4").withMarkers());
        return chart;
    }

    private static double[] errors(List<WidthResult> results, ToDoubleFunction<WidthResult> error) {
        return results.stream().mapToDouble(r -> Math.max(FLOOR, error.applyAsDouble(r))).toArray();
    }
}
