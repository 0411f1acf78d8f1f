package dev.dendrite.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of one table column as they are read, in primitive chunks of up to {@value #CHUNK} rows,
 * added as the file grows. While every number of the column is a short decimal, each is kept in
 * 4 bytes, packed ({@link Decimal#pack}: at most 8 digits, no exponent, so {@code -0.12345} or
 * {@code 1234.5}); at the first other number the column turns to a double per cell. Once the
 * column has a missing or text cell, an int per cell also says which ({@link #NUMBER},
 * {@link #MISSING}, or the index of the text in the column's dictionary of distinct texts). No
 * string is kept but one per distinct text.
 */
final class ColumnBuffer {
    /**
     * log2 of the cells of a full chunk: 32 768 cells, at most 256 KiB, under half of G1's smallest
     * region (1 MiB), so that a chunk is an ordinary object and not a humongous one taking a whole region.
     */
    private static final int SHIFT = 15;
    static final int CHUNK = 1 << SHIFT;
    static final int NUMBER = -1;
    static final int MISSING = -2;
    /** The first chunk's length; a chunk doubles until it holds {@value #CHUNK} cells, so small tables stay small. */
    private static final int FIRST = 16;

    /** The packed numbers, or null once the column holds doubles. */
    private int[][] packed = new int[4][];
    /** The numbers as doubles (NaN where a cell holds none), or null while they are packed. */
    private double[][] values;
    private int[][] codes;
    private int size;
    private final Map<String, Integer> dictionary = new HashMap<>();
    private final List<String> texts = new ArrayList<>();

    /** The number of cells. */
    int size() {
        return size;
    }

    /** Adds a number packed by {@link Decimal#pack}. */
    void addPacked(int number) {
        room();
        if (values == null) {
            packed[size >>> SHIFT][size & (CHUNK - 1)] = number;
        } else {
            values[size >>> SHIFT][size & (CHUNK - 1)] = Decimal.unpack(number);
        }
        added(NUMBER);
    }

    /** Adds a number. */
    void addNumber(double value) {
        if (values == null) {
            widen();
        }
        room();
        values[size >>> SHIFT][size & (CHUNK - 1)] = value;
        added(NUMBER);
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
            int chunks = values != null ? values.length : packed.length;
            codes = new int[chunks][];
            for (int c = 0; c < chunks && length(c) > 0; c++) {
                codes[c] = new int[length(c)];
                Arrays.fill(codes[c], NUMBER);
            }
        }
        room();
        if (values != null) {
            values[size >>> SHIFT][size & (CHUNK - 1)] = Double.NaN;
        }
        added(code);
    }

    private void added(int code) {
        if (codes != null) {
            codes[size >>> SHIFT][size & (CHUNK - 1)] = code;
        }
        size++;
    }

    /** The length of chunk c, 0 when it is not there. */
    private int length(int c) {
        if (values != null) {
            return c < values.length && values[c] != null ? values[c].length : 0;
        }
        return c < packed.length && packed[c] != null ? packed[c].length : 0;
    }

    /** Makes cell {@code size} fit: its chunk is there and long enough in every array in use. */
    private void room() {
        int chunk = size >>> SHIFT;
        int at = size & (CHUNK - 1);
        int chunks = values != null ? values.length : packed.length;
        if (chunk == chunks) {
            if (values != null) {
                values = Arrays.copyOf(values, chunks * 2);
            } else {
                packed = Arrays.copyOf(packed, chunks * 2);
            }
            if (codes != null) {
                codes = Arrays.copyOf(codes, chunks * 2);
            }
        }
        int length = length(chunk);
        if (at == length) {
            int grown = length == 0 ? FIRST : Math.min(CHUNK, length * 2);
            if (values != null) {
                values[chunk] = length == 0 ? new double[grown] : Arrays.copyOf(values[chunk], grown);
            } else {
                packed[chunk] = length == 0 ? new int[grown] : Arrays.copyOf(packed[chunk], grown);
            }
            if (codes != null) {
                codes[chunk] = codes[chunk] == null ? new int[grown] : Arrays.copyOf(codes[chunk], grown);
            }
        }
    }

    /** Turns the packed numbers into doubles, NaN where a cell holds none. */
    private void widen() {
        double[][] wide = new double[packed.length][];
        for (int c = 0; c < packed.length && packed[c] != null; c++) {
            wide[c] = new double[packed[c].length];
            for (int k = 0; k < Math.min(packed[c].length, size - (c << SHIFT)); k++) {
                wide[c][k] = number((c << SHIFT) + k);
            }
            packed[c] = null;
        }
        values = wide;
        packed = null;
    }

    /** The number in row j, NaN when it holds none. */
    double number(int j) {
        if (values != null) {
            return values[j >>> SHIFT][j & (CHUNK - 1)];
        }
        return code(j) == NUMBER ? Decimal.unpack(packed[j >>> SHIFT][j & (CHUNK - 1)]) : Double.NaN;
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
        if (values != null) {
            for (int c = 0, from = 0; from < size; c++, from += CHUNK) {
                System.arraycopy(values[c], 0, dst, offset + from, Math.min(CHUNK, size - from));
            }
        } else {
            for (int j = 0; j < size; j++) {
                dst[offset + j] = number(j);
            }
        }
    }

    /**
     * Copies every cell's number, in file order, to where {@code destination} sends it: row j to
     * {@code first[firstOffset + destination[j]]} when that is 0 or more, to
     * {@code second[secondOffset − destination[j] − 2]} when it is −2 or less; −1 drops the row.
     * Reading in order and writing scattered is faster than gathering from the chunks.
     */
    void scatterNumbers(int[] destination, double[] first, int firstOffset, double[] second, int secondOffset) {
        boolean plain = values == null && codes == null;
        for (int j = 0; j < size; j++) {
            int d = destination[j];
            if (d != -1) {
                double v = plain ? Decimal.unpack(packed[j >>> SHIFT][j & (CHUNK - 1)]) : number(j);
                if (d >= 0) {
                    first[firstOffset + d] = v;
                } else {
                    second[secondOffset - d - 2] = v;
                }
            }
        }
    }

    /** Lets the chunks go, once their values have been copied out. */
    void release() {
        values = null;
        packed = null;
        codes = null;
    }
}
