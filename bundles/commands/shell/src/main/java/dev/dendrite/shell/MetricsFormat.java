package dev.dendrite.shell;

import dev.dendrite.api.nn.Metrics;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints metrics plainly, as scripts read them ({@code loss 0.1234  accuracy 0.9667 …}), and confusion matrices as tables. */
final class MetricsFormat {

    private MetricsFormat() {
    }

    /** E.g. {@code loss 0.0812  accuracy 0.9667  precision 0.9697  recall 0.9667  f1 0.9666}. */
    static String line(Metrics m) {
        StringBuilder s = new StringBuilder("loss ").append(number(m.cost()));
        for (Map.Entry<String, Double> e : m.values().entrySet()) {
            s.append("  ").append(e.getKey()).append(' ').append(number(e.getValue()));
        }
        return s.toString();
    }

    /** A number as scripts read it: four decimals, or scientific for very small or large values; {@code -} for NaN. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a != 0 && (a < 1e-3 || a >= 1e6) ? "%.4e" : "%.4f", v);
    }

    /** The confusion matrix with class labels: rows are true classes, columns predicted ones. */
    static String confusion(int[][] confusion, List<String> classes) {
        String[] header = new String[classes.size() + 1];
        header[0] = "true \\ predicted";
        for (int k = 0; k < classes.size(); k++) {
            header[k + 1] = classes.get(k);
        }
        Table t = new Table(header);
        for (int i = 0; i < confusion.length; i++) {
            Object[] row = new Object[classes.size() + 1];
            row[0] = classes.get(i);
            for (int k = 0; k < classes.size(); k++) {
                row[k + 1] = confusion[i][k];
            }
            t.row(row);
        }
        return t.toString().stripTrailing();
    }
}
