package dev.dendrite.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of one table column as they are read, in primitive chunks of up to {@value #CHUNK} rows,
 * added as the file grows: a double per cell (NaN when the cell is not a number); once the column has
 * a missing or text cell, also an int per cell saying which ({@link #NUMBER}, {@link #MISSING}, or
 * the index of the text in the column's dictionary of distinct texts). No string is kept but one
 * per distinct text.
 */
final class ColumnBuffer {
    /**
     * log2 of the cells of a full chunk: 32 768 doubles, 256 KiB, under half of G1's smallest
     * region (1 MiB), so that a chunk is an ordinary object and not a humongous one taking a whole region.
     */
    private static final int SHIFT = 15;
    static final int CHUNK = 1 << SHIFT;
    static final int NUMBER = -1;
    static final int MISSING = -2;
    /** The first chunk's length; a chunk doubles until it holds {@value #CHUNK} cells, so small tables stay small. */
    private static final int FIRST = 16;

    private double[][] values = new double[4][];
    private int[][] codes;
    private int size;
    private final Map<String, Integer> dictionary = new HashMap<>();
    private final List<String> texts = new ArrayList<>();

    /** The number of cells. */
    int size() {
        return size;
    }

    void addNumber(double value) {
        int chunk = size >>> SHIFT;
        int at = size & (CHUNK - 1);
        if (chunk == values.length) {
            values = Arrays.copyOf(values, chunk * 2);
            if (codes != null) {
                codes = Arrays.copyOf(codes, chunk * 2);
            }
        }
        if (values[chunk] == null || at == values[chunk].length) {
            int length = values[chunk] == null ? FIRST : Math.min(CHUNK, at * 2);
            values[chunk] = values[chunk] == null ? new double[length] : Arrays.copyOf(values[chunk], length);
            if (codes != null) {
                codes[chunk] = codes[chunk] == null ? new int[length] : Arrays.copyOf(codes[chunk], length);
            }
        }
        values[chunk][at] = value;
        if (codes != null) {
            codes[chunk][at] = NUMBER;
        }
        size++;
    }

    void addMissing() {
        addCode(MISSING);
    }

    /**
     * Adds a text cell.
     *
     * @return false, adding nothing, when the column already holds {@code maxTexts} distinct texts and this is another
     */
    boolean addText(String text, int maxTexts) {
        Integer code = dictionary.get(text);
        if (code == null) {
            if (texts.size() >= maxTexts) {
                return false;
            }
            code = texts.size();
            dictionary.put(text, code);
            texts.add(text);
        }
        addCode(code);
        return true;
    }

    private void addCode(int code) {
        if (codes == null) {
            codes = new int[values.length][];
            for (int c = 0; c < values.length && values[c] != null; c++) {
                codes[c] = new int[values[c].length];
                Arrays.fill(codes[c], NUMBER);
            }
        }
        addNumber(Double.NaN);
        codes[(size - 1) >>> SHIFT][(size - 1) & (CHUNK - 1)] = code;
    }

    /** The number in row j, NaN when it holds none. */
    double number(int j) {
        return values[j >>> SHIFT][j & (CHUNK - 1)];
    }

    /** {@link #NUMBER}, {@link #MISSING}, or the index of row j's text in {@link #texts()}. */
    int code(int j) {
        return codes == null ? NUMBER : codes[j >>> SHIFT][j & (CHUNK - 1)];
    }

    boolean missing(int j) {
        return code(j) == MISSING;
    }

    /** The first row whose cell is missing, or -1. */
    int firstMissing() {
        for (int j = 0; codes != null && j < size; j++) {
            if (code(j) == MISSING) {
                return j;
            }
        }
        return -1;
    }

    /** Whether some cell is text (neither a number nor missing). */
    boolean hasText() {
        return !texts.isEmpty();
    }

    /** The distinct texts, in order of first appearance. */
    List<String> texts() {
        return texts;
    }

    /** Row j's cell as a category or label: its text, or its number written plainly ({@code 3}, {@code 2.5}); null when missing. */
    String label(int j) {
        int code = code(j);
        return code >= 0 ? texts.get(code) : code == MISSING ? null : TargetColumn.plain(number(j));
    }

    /** Copies every cell's number, in file order, to {@code dst} from {@code offset}; a cell that is not a number is NaN. */
    void copyNumbers(double[] dst, int offset) {
        for (int c = 0, from = 0; from < size; c++, from += CHUNK) {
            System.arraycopy(values[c], 0, dst, offset + from, Math.min(CHUNK, size - from));
        }
    }

    /**
     * Copies every cell's number, in file order, to where {@code destination} sends it: row j to
     * {@code first[firstOffset + destination[j]]} when that is 0 or more, to
     * {@code second[secondOffset − destination[j] − 2]} when it is −2 or less; −1 drops the row.
     * Reading in order and writing scattered is faster than gathering from the chunks.
     */
    void scatterNumbers(int[] destination, double[] first, int firstOffset, double[] second, int secondOffset) {
        for (int c = 0, from = 0; from < size; c++, from += CHUNK) {
            double[] chunk = values[c];
            int n = Math.min(CHUNK, size - from);
            for (int k = 0; k < n; k++) {
                int d = destination[from + k];
                if (d >= 0) {
                    first[firstOffset + d] = chunk[k];
                } else if (d < -1) {
                    second[secondOffset - d - 2] = chunk[k];
                }
            }
        }
    }

    /** Lets the chunks go, once their values have been copied out. */
    void release() {
        values = null;
        codes = null;
    }
}
