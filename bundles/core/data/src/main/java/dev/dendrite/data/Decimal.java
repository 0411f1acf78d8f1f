package dev.dendrite.data;

import java.nio.charset.StandardCharsets;

/**
 * Plain decimal numbers read from bytes, as fast as the common case allows: {@code [+-]} digits,
 * an optional point and digits, an optional exponent ({@code -1.5}, {@code .5}, {@code 3.},
 * {@code 2e-3}). With at most 18 digits whose integer is at most 2^53 and a decimal exponent within
 * ±22, the value is the correctly rounded product or quotient of two exact doubles (Clinger's fast
 * path); any
 * other decimal goes to {@link Double#parseDouble}, so every result is the correctly rounded value.
 * Anything else (words, hexadecimal, {@code NaN}, {@code Infinity}, a value that overflows) is NaN;
 * zero is always +0.0.
 */
final class Decimal {
    private static final double[] POWERS = new double[23];
    private static final int MAX_EXPONENT = 100_000;
    /** The largest mantissa a double holds exactly, 2^53. */
    private static final long EXACT = 1L << 53;

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private Decimal() {
    }

    /** What {@link #pack} returns for a number it cannot pack. */
    static final int NOT_PACKED = Integer.MIN_VALUE;
    private static final int PACKED_DIGITS = 8;
    private static final int PACKED_LIMIT = 1 << 26;

    /**
     * Bytes [from, to) as an int m·32 + (e + 20) standing for m·10^e, when they are a plain decimal
     * without exponent of at most {@value #PACKED_DIGITS} digits whose integer m is below 2^26 in
     * magnitude (so e is 0 to −8); else {@link #NOT_PACKED}. {@link #unpack} gives the value
     * {@link #parse} gives, in 4 bytes instead of 8.
     */
    static int pack(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        int mantissa = 0;
        int digits = 0;
        int fraction = 0;
        boolean point = false;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                if (b[i] != '.' || point) {
                    return NOT_PACKED;
                }
                point = true;
                continue;
            }
            if (++digits > PACKED_DIGITS) {
                return NOT_PACKED;
            }
            mantissa = mantissa * 10 + d;
            fraction += point ? 1 : 0;
        }
        if (digits == 0 || mantissa >= PACKED_LIMIT) {
            return NOT_PACKED;
        }
        return ((negative ? -mantissa : mantissa) << 5) | (20 - fraction);
    }

    /** The value of a number {@link #pack} packed. */
    static double unpack(int packed) {
        int exponent = (packed & 31) - 20;
        double mantissa = packed >> 5;
        return exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
    }

    /** The value of {@code text}, or NaN when it is not a finite plain decimal. */
    static double parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return text.length() == bytes.length ? parse(bytes, 0, bytes.length) : Double.NaN;
    }

    /** The value of bytes [from, to), or NaN when they are not a finite plain decimal. */
    static double parse(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int start = i;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            mantissa = mantissa * 10 + d;
        }
        int digits = i - start;
        int fraction = 0;
        if (i < to && b[i] == '.') {
            int fractionStart = ++i;
            for (; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                mantissa = mantissa * 10 + d;
            }
            fraction = i - fractionStart;
            digits += fraction;
        }
        if (digits == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            if (i == to) {
                return Double.NaN;
            }
            for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
                exponent = Math.min(MAX_EXPONENT, exponent * 10 + (b[i] - '0'));
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != to) {
            return Double.NaN;
        }
        exponent -= fraction;
        if (digits <= 18) { // the mantissa did not overflow
            if (mantissa == 0) {
                return 0.0;
            }
            if (mantissa <= EXACT && exponent >= -22 && exponent <= 22) {
                double value = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
                return negative ? -value : value;
            }
        }
        double value = Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1)) + 0.0;
        return Double.isFinite(value) ? value : Double.NaN;
    }
}
