package dev.dendrite.data;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an MNIST-format IDX pair into a {@link DataSet}. An images file
 * ({@code PREFIX-images-idx3-ubyte}) holds the big-endian magic number 0x00000803, the image count
 * m, rows and columns, then m·rows·cols unsigned bytes, image after image, row after row; its labels
 * file ({@code PREFIX-labels-idx1-ubyte} beside it) holds 0x00000801, m, then m unsigned bytes.
 * Either file may be gzip-compressed (detected by its first two bytes 0x1f 0x8b, whatever its name)
 * and may carry a {@code .gz} suffix. A header announcing more values than the heap can hold is
 * refused before anything is allocated; only the values it announces are read (and inflated), so a
 * gzip bomb is refused by its header or read no further than it.
 *
 * <p>Pixel p = r·cols + c of image j becomes feature {@code "p" + p} of sample j, divided by 255,
 * so X (rows·cols, m) lies in [0, 1]. The classes are the distinct labels sorted numerically
 * ({@code "0"} … {@code "9"} for MNIST) and a sample's target is the index of its label.
 */
final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    /** The training images a directory source stands for. */
    static final String TRAINING_IMAGES = "train-images-idx3-ubyte";

    private static final Pattern IMAGES = Pattern.compile("(.*)images([-.])idx3-ubyte(\\.gz)?");
    private static final int BUFFER = 1 << 16;
    private static final double[] PIXEL = IntStream.range(0, 256).mapToDouble(v -> v / 255.0).toArray();
    /** The heap a value of a file takes: its byte as read, then its double in X or in the targets. */
    private static final int BYTES_PER_VALUE = 1 + Double.BYTES;
    private static final double GB = 1L << 30;

    /** An IDX file's content: its dimensions and its unsigned bytes. */
    private record Idx(int[] dimensions, byte[] values) {
    }

    private IdxReader() {
    }

    /** Whether {@code fileName} names an IDX images file, e.g. {@code t10k-images-idx3-ubyte.gz}. */
    static boolean isImagesFile(String fileName) {
        return IMAGES.matcher(fileName).matches();
    }

    /**
     * The training images file in {@code directory}: {@value #TRAINING_IMAGES}, or the same with {@code .gz}.
     *
     * @throws IllegalArgumentException naming the directory and the expected file when there is none
     */
    static Path trainingImages(Path directory) {
        Path plain = directory.resolve(TRAINING_IMAGES);
        return firstFile(plain, gzipped(plain))
                .orElseThrow(() -> new IllegalArgumentException("directory " + directory + " holds no " + TRAINING_IMAGES
                        + "[.gz]: give an IDX images file or a CSV file"));
    }

    /**
     * The labels file beside {@code images}: the same prefix with {@code labels} and {@code idx1},
     * gzip-suffixed or not, preferring the images file's suffix.
     *
     * @throws IllegalArgumentException naming the expected path when there is none
     */
    static Path labelsFile(Path images) {
        Matcher name = IMAGES.matcher(images.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalArgumentException(images.getFileName() + " is not named like an IDX images file (PREFIX-images-idx3-ubyte[.gz])");
        }
        Path plain = images.resolveSibling(name.group(1) + "labels" + name.group(2) + "idx1-ubyte");
        Path[] candidates = name.group(3) == null ? new Path[] {plain, gzipped(plain)} : new Path[] {gzipped(plain), plain};
        return firstFile(candidates).orElseThrow(() -> new IllegalArgumentException("no labels file for " + images.getFileName()
                + ": expected " + candidates[0] + " (or " + candidates[1].getFileName() + ")"));
    }

    /**
     * Reads {@code images} and its {@link #labelsFile labels file}.
     *
     * @throws IllegalArgumentException for a missing labels file, a wrong magic number, a truncated
     *                                  file, a header announcing more than the heap can hold or
     *                                  different image and label counts
     */
    static DataSet read(Path images) {
        return read(images, Runtime.getRuntime().maxMemory());
    }

    /** {@link #read(Path)} with a heap of {@code heap} bytes. */
    static DataSet read(Path images, long heap) {
        Path labelsPath = labelsFile(images);
        Idx pixels = readFile(images, IMAGES_MAGIC, heap);
        Idx labels = readFile(labelsPath, LABELS_MAGIC, heap);
        int m = pixels.dimensions()[0];
        if (labels.dimensions()[0] != m) {
            throw new IllegalArgumentException(images.getFileName() + " has " + m + " images but " + labelsPath.getFileName()
                    + " has " + labels.dimensions()[0] + " labels");
        }
        int n = pixels.dimensions()[1] * pixels.dimensions()[2];
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException(images.getFileName() + " holds no pixels: its header announces "
                    + shape(pixels.dimensions()) + " values");
        }
        List<String> features = IntStream.range(0, n).mapToObj(p -> "p" + p).toList();
        return classified(images.toString(), features, samplesAsColumns(pixels.values(), n, m), labels.values());
    }

    /** X (n, m) from m images of n pixels each, one after another: X[p][j] = image j's pixel p / 255. */
    private static Matrix samplesAsColumns(byte[] pixels, int n, int m) {
        Matrix x = new Matrix(n, m);
        double[] data = x.data();
        for (int j = 0; j < m; j++) {
            int image = j * n;
            for (int p = 0; p < n; p++) {
                data[p * m + j] = PIXEL[pixels[image + p] & 0xff];
            }
        }
        return x;
    }

    /** The data set whose classes are the distinct label bytes, sorted numerically. */
    private static DataSet classified(String name, List<String> features, Matrix x, byte[] labels) {
        boolean[] present = new boolean[256];
        for (byte label : labels) {
            present[label & 0xff] = true;
        }
        int[] index = new int[256];
        List<String> classes = new ArrayList<>();
        for (int label = 0; label < 256; label++) {
            if (present[label]) {
                index[label] = classes.size();
                classes.add(Integer.toString(label));
            }
        }
        double[] targets = new double[labels.length];
        for (int j = 0; j < labels.length; j++) {
            targets[j] = index[labels[j] & 0xff];
        }
        return new DataSet(name, features, x, targets, Task.CLASSIFICATION, classes);
    }

    /** Reads an IDX file whose magic number must be {@code magic}; its low byte is the number of dimensions. */
    private static Idx readFile(Path file, int magic, long heap) {
        String name = file.getFileName().toString();
        try (InputStream in = open(file)) {
            int found = ByteBuffer.wrap(exactly(in, 4, name, "the magic number")).getInt();
            if (found != magic) {
                throw new IllegalArgumentException(String.format("%s: bad magic number 0x%08x, expected 0x%08x (IDX %s)",
                        name, found, magic, magic == IMAGES_MAGIC ? "images" : "labels"));
            }
            int rank = magic & 0xff;
            ByteBuffer header = ByteBuffer.wrap(exactly(in, 4 * rank, name, "the dimensions"));
            int[] dimensions = new int[rank];
            double values = 1;
            for (int d = 0; d < rank; d++) {
                dimensions[d] = header.getInt();
                if (dimensions[d] < 0) {
                    throw new IllegalArgumentException(name + ": dimension " + (d + 1) + " of the header (" + dimensions[d]
                            + ") is negative");
                }
                values *= dimensions[d];
            }
            checkFits(name, dimensions, values, heap);
            if (values > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(name + ": the header announces " + shape(dimensions)
                        + " values, more than one Java array holds");
            }
            return new Idx(dimensions, exactly(in, (int) values, name, "the " + shape(dimensions) + " values the header announces"));
        } catch (EOFException | ZipException e) {
            throw new IllegalArgumentException(name + " is truncated or corrupt: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The next {@code count} bytes of {@code in}; fewer mean a truncated file. */
    private static byte[] exactly(InputStream in, int count, String name, String what) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length < count) {
            throw new IllegalArgumentException(name + " is truncated: expected " + count + " bytes for " + what + ", found "
                    + bytes.length);
        }
        return bytes;
    }

    /** Refuses, before they are read, {@code values} that with their doubles take more than {@code heap} bytes. */
    private static void checkFits(String name, int[] dimensions, double values, long heap) {
        double bytes = values * BYTES_PER_VALUE;
        if (bytes > heap) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: the header announces %s values, about %s in memory; more than the heap can hold (%s; set DENDRITE_OPTS=-Xmx%dg)",
                    name, shape(dimensions), gigabytes(bytes), gigabytes(heap), (long) Math.ceil(bytes / GB) + 1));
        }
    }

    private static String gigabytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / GB);
    }

    private static String shape(int[] dimensions) {
        return String.join("×", IntStream.of(dimensions).mapToObj(Integer::toString).toList());
    }

    /** The file's bytes, decompressed if they start with the gzip magic bytes 0x1f 0x8b. */
    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        if (!gzip) {
            return in;
        }
        try {
            return new GZIPInputStream(in, BUFFER);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private static Path gzipped(Path file) {
        return file.resolveSibling(file.getFileName() + ".gz");
    }

    private static Optional<Path> firstFile(Path... candidates) {
        return Stream.of(candidates).filter(Files::isRegularFile).findFirst();
    }
}
