package dev.dendrite.data;

import dev.dendrite.api.data.TableOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads RFC 4180 records from UTF-8 bytes, one record at a time, without making a string of
 * anything but the fields asked for as text. Fields are separated by one delimiter byte; a field
 * may be quoted ({@code "a; b"}), span lines inside its quotes, and hold a quote written twice
 * ({@code "say ""hi"""}). Records end at LF, CRLF or CR. Spaces (and tabs, unless tab is the
 * delimiter) around a field are not part of it, inside quotes too; a UTF-8 byte-order mark at the
 * start is skipped; blank lines are skipped. Lines are counted from 1; a record's line is the one
 * it starts on.
 *
 * <p>The bytes are read in blocks of 1 MiB; a record longer than a block grows the block, up to
 * {@value #MAX_RECORD} bytes (a longer one is refused: most likely a quote that is never closed); a
 * record has at most {@value #MAX_FIELDS} fields.
 */
final class CsvReader implements AutoCloseable {
    static final int MAX_RECORD = 64 << 20;
    /** The most fields a record may have. */
    static final int MAX_FIELDS = 100_000;
    private static final int BLOCK = 1 << 20;
    private static final int NEED_MORE = -1;
    /** The missing-value markers in lower case, as bytes. */
    private static final byte[][] MARKERS = TableOptions.MISSING_MARKERS.stream()
            .map(m -> m.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

    private final InputStream in;
    private final String name;
    private final byte delimiter;
    private byte[] buf = new byte[BLOCK];
    private int pos;
    private int limit;
    private boolean eof;
    private int line = 1;
    /** The bytes of the input before {@code buf[0]}. */
    private long base;

    private int count;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] escaped = new boolean[16];
    private int recordLine;
    private int linesInRecord;
    /** Whether the record's only field was quoted and empty ({@code ""}): a value, not a blank line. */
    private boolean quotedEmpty;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /**
     * @param in        the bytes, read to their end; closed by {@link #close()}
     * @param name      the file's name, for messages
     * @param delimiter one of {@code , ; \t |}
     */
    CsvReader(InputStream in, String name, char delimiter) throws IOException {
        this.in = in;
        this.name = name;
        this.delimiter = (byte) delimiter;
        fill();
        if (limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            pos = 3;
        }
    }

    /**
     * Moves to the next record that is not a blank line.
     *
     * @return false at the end of the input
     * @throws IllegalArgumentException for a quote that is not closed, text after a closing quote
     *                                  or a record longer than {@value #MAX_RECORD} bytes, naming the line
     */
    boolean next() throws IOException {
        while (true) {
            if (pos == limit && eof) {
                return false;
            }
            int end = scan();
            if (end == NEED_MORE) {
                more();
                continue;
            }
            pos = end;
            line += linesInRecord;
            if (count == 1 && starts[0] == ends[0] && !quotedEmpty) {
                continue;
            }
            return true;
        }
    }


    /** The bytes of the input read up to the end of the current record. */
    long consumed() {
        return base + pos;
    }

    /** The number of fields of the record. */
    int fields() {
        return count;
    }

    /** The line the record starts on. */
    int line() {
        return recordLine;
    }

    /** Whether field i is empty. */
    boolean empty(int i) {
        return starts[i] == ends[i];
    }

    /** Field i packed by {@link Decimal#pack}, or {@link Decimal#NOT_PACKED}. */
    int packed(int i) {
        return escaped[i] ? Decimal.NOT_PACKED : Decimal.pack(buf, starts[i], ends[i]);
    }

    /** The value of field i as a plain decimal ({@link Decimal}), or NaN. */
    double number(int i) {
        return escaped[i] ? Double.NaN : Decimal.parse(buf, starts[i], ends[i]);
    }

    /** Whether field i is empty or one of {@link TableOptions#MISSING_MARKERS} in any letter case. */
    boolean missing(int i) {
        int n = ends[i] - starts[i];
        if (n == 0) {
            return true;
        }
        if (escaped[i]) {
            return false;
        }
        for (byte[] marker : MARKERS) {
            if (marker.length == n && sameLetters(marker, starts[i])) {
                return true;
            }
        }
        return false;
    }

    /** Whether the bytes at {@code start} are {@code lower}, in any letter case. */
    private boolean sameLetters(byte[] lower, int start) {
        for (int k = 0; k < lower.length; k++) {
            byte b = buf[start + k];
            if (b != lower[k] && (b < 'A' || b > 'Z' || (b | 0x20) != lower[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Field i as text (a quote written twice inside quotes read as one).
     *
     * @throws IllegalArgumentException when it is not UTF-8, naming the line
     */
    String text(int i) {
        ByteBuffer bytes;
        if (escaped[i]) {
            byte[] copy = new byte[ends[i] - starts[i]];
            int n = 0;
            for (int k = starts[i]; k < ends[i]; k++) {
                copy[n++] = buf[k];
                if (buf[k] == '"') {
                    k++;
                }
            }
            bytes = ByteBuffer.wrap(copy, 0, n);
        } else {
            bytes = ByteBuffer.wrap(buf, starts[i], ends[i] - starts[i]);
        }
        try {
            CharBuffer chars = utf8.decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(name + " line " + recordLine + " is not UTF-8 text");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Scans one record from {@code pos}: its fields' bounds, its line count.
     *
     * @return the index after the record, or {@link #NEED_MORE} when it does not end before {@code limit} and more input may follow
     */
    private int scan() {
        count = 0;
        quotedEmpty = false;
        recordLine = line;
        linesInRecord = 0;
        int p = pos;
        while (true) {
            while (p < limit && space(buf[p])) {
                p++;
            }
            int start;
            int end;
            boolean hasEscapes = false;
            if (p < limit && buf[p] == '"') {
                int q = p + 1;
                while (true) {
                    while (q < limit && buf[q] != '"') {
                        if (buf[q] == '\n') {
                            linesInRecord++;
                        }
                        q++;
                    }
                    if (q >= limit - 1 && !eof) {
                        return NEED_MORE;
                    }
                    if (q == limit) {
                        throw new IllegalArgumentException(name + " line " + recordLine + ": a quoted field (field " + (count + 1)
                                + ") is not closed before the end of the file");
                    }
                    if (q + 1 < limit && buf[q + 1] == '"') {
                        hasEscapes = true;
                        q += 2;
                        continue;
                    }
                    break;
                }
                start = p + 1;
                end = q;
                while (start < end && space(buf[start])) {
                    start++;
                }
                while (end > start && space(buf[end - 1])) {
                    end--;
                }
                p = q + 1;
                while (p < limit && space(buf[p])) {
                    p++;
                }
                if (p == limit && !eof) {
                    return NEED_MORE;
                }
                if (p < limit && buf[p] != delimiter && buf[p] != '\n' && buf[p] != '\r') {
                    throw new IllegalArgumentException(name + " line " + (recordLine + linesInRecord) + ": text after the closing quote of field "
                            + (count + 1) + " (a quote inside a quoted field is written twice: \"\")");
                }
                if (start == end) {
                    quotedEmpty = true;
                }
            } else {
                start = p;
                while (p < limit) {
                    byte b = buf[p];
                    if (b == delimiter || b == '\n' || b == '\r') {
                        break;
                    }
                    p++;
                }
                if (p == limit && !eof) {
                    return NEED_MORE;
                }
                end = p;
                while (end > start && space(buf[end - 1])) {
                    end--;
                }
            }
            add(start, end, hasEscapes);
            if (p == limit) {
                return p;
            }
            byte b = buf[p++];
            if (b == delimiter) {
                continue;
            }
            if (b == '\r') {
                if (p == limit && !eof) {
                    return NEED_MORE;
                }
                if (p < limit && buf[p] == '\n') {
                    p++;
                }
            }
            linesInRecord++;
            return p;
        }
    }

    private boolean space(byte b) {
        return b == ' ' || b == '\t' && delimiter != '\t';
    }

    private void add(int start, int end, boolean hasEscapes) {
        if (count == MAX_FIELDS) {
            throw new IllegalArgumentException(name + " line " + recordLine + " has more than " + MAX_FIELDS + " fields");
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            escaped = Arrays.copyOf(escaped, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        escaped[count] = hasEscapes;
        count++;
    }

    /** Keeps the unfinished record at the start of the block (growing it when the record fills it) and reads more. */
    private void more() throws IOException {
        int kept = limit - pos;
        if (kept >= buf.length) {
            if (buf.length >= MAX_RECORD) {
                throw new IllegalArgumentException(name + " line " + line + ": a record longer than " + (MAX_RECORD >> 20)
                        + " MB (is a quote never closed?)");
            }
            buf = Arrays.copyOf(buf, Math.min(MAX_RECORD, buf.length * 2));
        }
        System.arraycopy(buf, pos, buf, 0, kept);
        base += pos;
        pos = 0;
        limit = kept;
        fill();
    }

    private void fill() throws IOException {
        while (limit < buf.length) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                return;
            }
            limit += n;
        }
    }
}
