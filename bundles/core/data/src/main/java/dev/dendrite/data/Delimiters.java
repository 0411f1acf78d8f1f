package dev.dendrite.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the delimiter of a table among {@code , ; \t |} from its header and first lines: the one
 * that splits the header into two or more columns and every sampled line into as many (quotes
 * respected). When exactly one delimiter does that, it is the table's. When several do, the table
 * is ambiguous and refused, asking for {@code --delimiter}. When none does, the one that splits
 * the header (when only one does) is taken, so that the line that does not fit is named when the
 * table is read; a header that no delimiter splits is a one-column table of commas.
 */
final class Delimiters {
    /** The lines sampled after the header. */
    static final int SAMPLED_LINES = 10;
    private static final int SAMPLE_BYTES = 1 << 16;
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private Delimiters() {
    }

    /**
     * The delimiter of a table that starts with {@code start} (its first bytes, up to 64 KiB read).
     *
     * @param whole whether {@code start} is the whole file
     * @throws IllegalArgumentException when several delimiters fit, naming them and {@code --delimiter}
     */
    static char detect(byte[] start, int length, boolean whole, String name) {
        List<Character> fitting = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        List<Character> splittingHeader = new ArrayList<>();
        for (char d : CANDIDATES) {
            int[] counts = fieldCounts(start, length, whole, d);
            if (counts.length == 0 || counts[0] < 2) {
                continue;
            }
            splittingHeader.add(d);
            boolean fits = true;
            for (int c : counts) {
                fits &= c == counts[0];
            }
            if (fits) {
                fitting.add(d);
                widths.add(counts[0]);
            }
        }
        if (fitting.size() == 1) {
            return fitting.get(0);
        }
        if (fitting.size() > 1) {
            throw new IllegalArgumentException(name + ": cannot tell its delimiter: "
                    + fitting.stream().map(Delimiters::spelled).collect(Collectors.joining(" and "))
                    + " each split the header and the first lines into the same number of columns ("
                    + widths.stream().map(String::valueOf).collect(Collectors.joining(" and "))
                    + "); choose one with --delimiter");
        }
        return splittingHeader.size() == 1 ? splittingHeader.get(0) : ',';
    }

    /** The delimiter as the option spells it: {@code ','}, {@code ';'}, {@code tab}, {@code '|'}. */
    static String spelled(char delimiter) {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }

    /** The field counts of the header and up to {@value #SAMPLED_LINES} complete records after it. */
    private static int[] fieldCounts(byte[] start, int length, boolean whole, char delimiter) {
        List<Integer> counts = new ArrayList<>();
        boolean atEnd = false;
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(start, 0, length), "sample", delimiter)) {
            while (counts.size() <= SAMPLED_LINES && !atEnd) {
                atEnd = !reader.next();
                if (!atEnd) {
                    counts.add(reader.fields());
                }
            }
            atEnd |= !reader.next();
        } catch (IllegalArgumentException cutInAQuote) {
            atEnd = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (atEnd && !whole && counts.size() > 1) {
            counts.remove(counts.size() - 1); // the last record may be cut short by the sample's end
        }
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Reads up to {@value #SAMPLE_BYTES} bytes from the start of {@code in}: {bytes, length, whole (1) or not (0)}. */
    static Sample sample(InputStream in) throws IOException {
        byte[] bytes = new byte[SAMPLE_BYTES];
        int n = in.readNBytes(bytes, 0, bytes.length);
        boolean whole = n < bytes.length || in.read() < 0;
        return new Sample(bytes, n, whole);
    }

    /** The first bytes of a file. */
    record Sample(byte[] bytes, int length, boolean whole) {
    }
}
