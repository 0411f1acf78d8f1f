package dev.dendrite.data;

import static dev.dendrite.data.Fixtures.assertMessage;
import static dev.dendrite.data.Fixtures.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataSchema;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MNIST-format IDX files written in a temporary directory, read directly and through the service. */
class IdxReaderTest {
    private static final int ROWS = 2;
    private static final int COLS = 3;
    private static final int PIXELS = ROWS * COLS;
    private static final byte[] LABELS = {7, 2, 7, 0, 2};
    private static final int M = LABELS.length;

    private final DefaultDataService service = Fixtures.serviceWithBuiltIns();

    @TempDir
    Path dir;

    @Test
    void readsPixelsAsFeaturesDividedBy255AndLabelsAsSortedClasses() throws IOException {
        Path images = writePair("tiny", false);
        DataSet data = IdxReader.read(images);
        assertEquals(images.toString(), data.name());
        assertEquals(List.of("p0", "p1", "p2", "p3", "p4", "p5"), data.featureNames());
        assertEquals(PIXELS, data.features());
        assertEquals(M, data.samples());
        assertEquals(Task.CLASSIFICATION, data.task());
        assertEquals(List.of("0", "2", "7"), data.classes());
        assertArrayEquals(new double[] {2, 1, 2, 0, 1}, data.targets());
        byte[] pixels = pixels();
        for (int j = 0; j < M; j++) {
            for (int p = 0; p < PIXELS; p++) {
                assertEquals((pixels[j * PIXELS + p] & 0xff) / 255.0, data.x().get(p, j), "pixel " + p + " of image " + j);
            }
        }
        assertEquals(0.0, data.x().get(0, 0));
        assertEquals(1.0, data.x().get(5, 0), "byte 255 is 1");
    }

    @Test
    void gzipFilesGiveTheSameDataAsPlainOnes() throws IOException {
        DataSet plain = IdxReader.read(writePair("plain", false));
        DataSet gzip = IdxReader.read(writePair("gzip", true));
        assertTrue(gzip.name().endsWith("gzip-images-idx3-ubyte.gz"));
        assertEquals(plain.x(), gzip.x());
        assertArrayEquals(plain.targets(), gzip.targets());
        assertEquals(plain.classes(), gzip.classes());
    }

    @Test
    void gzipIsDetectedByItsMagicBytesNotItsName() throws IOException {
        Path images = write("odd-images-idx3-ubyte", gzip(imagesFile(IdxReader.IMAGES_MAGIC, M, pixels())));
        write("odd-labels-idx1-ubyte.gz", labelsFile(IdxReader.LABELS_MAGIC, LABELS));
        DataSet data = IdxReader.read(images);
        assertEquals(IdxReader.read(writePair("plain", false)).x(), data.x());
        assertEquals(List.of("0", "2", "7"), data.classes());
    }

    @Test
    void theServiceLoadsADirectoryAsItsTrainingFileUnscaledByDefault() throws IOException {
        writePair("train", true);
        DataSplit split = service.load(dir.toString(), options(null, 0, 1));
        DataSet train = split.train();
        assertEquals(M, train.samples());
        assertEquals(PIXELS, train.features());
        assertNull(split.target());
        assertArrayEquals(new double[PIXELS], split.scaling().offset(), "no scaling: pixels are already in [0, 1]");
        assertArrayEquals(FeatureScaling.identity(PIXELS).scale(), split.scaling().scale());
        DataSet unshuffled = IdxReader.read(dir.resolve("train-images-idx3-ubyte.gz"));
        for (int j = 0; j < M; j++) {
            int image = imageOf(train, j, unshuffled);
            assertTrue(image >= 0, "sample " + j + " is one of the images, unscaled");
            assertEquals(unshuffled.targets()[image], train.targets()[j]);
        }
    }

    @Test
    void scalingOptionsStillApply() throws IOException {
        Path images = writePair("tiny", false);
        DataSplit split = service.load(images.toString(), new DataOptions(null, 0, 1, null, "standard"));
        assertEquals(FeatureScaling.standardize(IdxReader.read(images).x()).offset()[1], split.scaling().offset()[1], 1e-12);
        double sum = IntStream.range(0, M).mapToDouble(j -> split.train().x().get(1, j)).sum();
        assertEquals(0.0, sum, 1e-12, "pixel 1 is centred");
    }

    @Test
    void theValidationSplitIsStratified() throws IOException {
        byte[] labels = new byte[40];
        for (int j = 0; j < labels.length; j++) {
            labels[j] = (byte) (j % 4 == 3 ? 9 : j % 2);
        }
        byte[] pixels = new byte[labels.length * PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        Path images = write("many-images-idx3-ubyte", imagesFile(IdxReader.IMAGES_MAGIC, labels.length, pixels));
        write("many-labels-idx1-ubyte", labelsFile(IdxReader.LABELS_MAGIC, labels));
        DataSplit split = service.load(images.toString(), options(null, 0.25, 5));
        assertEquals(List.of("0", "1", "9"), split.train().classes());
        int[] counts = new int[3];
        for (double t : split.validation().targets()) {
            counts[(int) t]++;
        }
        assertArrayEquals(new int[] {5, 3, 2}, counts, "10 of 40 in proportion to 20 zeros, 10 ones and 10 nines");
    }

    @Test
    void withASchemaLabelsAreIndicesOfItsClasses() throws IOException {
        Path images = writePair("tiny", false);
        List<String> pixels = IntStream.range(0, PIXELS).mapToObj(p -> "p" + p).toList();
        List<String> digits = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
        DataSchema schema = new DataSchema(pixels, null, Task.CLASSIFICATION, digits, FeatureScaling.identity(PIXELS));
        DataSet data = service.load(images.toString(), schema, 1);
        assertArrayEquals(new double[] {7, 2, 7, 0, 2}, data.targets());
        assertEquals(digits, data.classes());
        assertEquals(IdxReader.read(images).x(), data.x());
        assertEquals(IdxReader.read(images).x(), service.features(images.toString(), schema));

        DataSchema twoClasses = new DataSchema(pixels, null, Task.CLASSIFICATION, List.of("0", "2"), FeatureScaling.identity(PIXELS));
        assertMessage("tiny-images-idx3-ubyte sample 1: class '7' was not seen in training (known: 0, 2)",
                () -> service.load(images.toString(), twoClasses, 1));
        DataSchema wider = new DataSchema(List.of("p0", "p9"), null, Task.CLASSIFICATION, digits, FeatureScaling.identity(2));
        assertMessage("tiny-images-idx3-ubyte has no feature 'p9'; its features are: p0, p1, p2, p3, p4, p5",
                () -> service.features(images.toString(), wider));
    }

    // ---- errors

    @Test
    void aBadMagicNumberIsNamedWithTheFile() throws IOException {
        Path images = write("bad-images-idx3-ubyte", imagesFile(IdxReader.LABELS_MAGIC, M, pixels()));
        write("bad-labels-idx1-ubyte", labelsFile(IdxReader.LABELS_MAGIC, LABELS));
        assertMessage("bad-images-idx3-ubyte: bad magic number 0x00000801, expected 0x00000803 (IDX images)",
                () -> service.load(images.toString(), DataOptions.defaults()));

        Path good = write("lab-images-idx3-ubyte", imagesFile(IdxReader.IMAGES_MAGIC, M, pixels()));
        write("lab-labels-idx1-ubyte", labelsFile(0x12345678, LABELS));
        assertMessage("lab-labels-idx1-ubyte: bad magic number 0x12345678, expected 0x00000801 (IDX labels)",
                () -> IdxReader.read(good));
    }

    @Test
    void aTruncatedFileIsReported() throws IOException {
        byte[] whole = imagesFile(IdxReader.IMAGES_MAGIC, M, pixels());
        Path cut = write("cut-images-idx3-ubyte", Arrays.copyOf(whole, whole.length - 1));
        write("cut-labels-idx1-ubyte", labelsFile(IdxReader.LABELS_MAGIC, LABELS));
        assertMessage("cut-images-idx3-ubyte is truncated: expected 30 bytes for the 5×2×3 values the header announces, found 29",
                () -> IdxReader.read(cut));

        Path header = write("head-images-idx3-ubyte", Arrays.copyOf(whole, 10));
        write("head-labels-idx1-ubyte", labelsFile(IdxReader.LABELS_MAGIC, LABELS));
        assertMessage("head-images-idx3-ubyte is truncated: expected 12 bytes for the dimensions, found 6", () -> IdxReader.read(header));

        byte[] compressed = gzip(whole);
        Path gz = write("gz-images-idx3-ubyte.gz", Arrays.copyOf(compressed, compressed.length / 2));
        write("gz-labels-idx1-ubyte.gz", gzip(labelsFile(IdxReader.LABELS_MAGIC, LABELS)));
        String message = assertThrows(IllegalArgumentException.class, () -> IdxReader.read(gz)).getMessage();
        assertTrue(message.startsWith("gz-images-idx3-ubyte.gz is truncated"), message);
    }

    @Test
    void aHeaderAnnouncingMoreThanTheHeapHoldsIsRefusedBeforeReading() throws IOException {
        byte[] forged = ByteBuffer.allocate(16).putInt(IdxReader.IMAGES_MAGIC).putInt(60_000).putInt(280).putInt(280).array();
        Path images = write("big-images-idx3-ubyte", forged);
        write("big-labels-idx1-ubyte", labelsFile(IdxReader.LABELS_MAGIC, LABELS));
        assertMessage("big-images-idx3-ubyte: the header announces 60000×280×280 values, about 39.4 GB in memory; more than the"
                + " heap can hold (1.0 GB; set DENDRITE_OPTS=-Xmx41g)", () -> IdxReader.read(images, 1L << 30));
    }

    @Test
    void aGzipBombIsRefusedByItsHeaderWithoutInflatingIt() throws IOException {
        // 64 MB of zeros deflate to about 64 KB; the header announces 2000×1000×1000 values, 2 GB inflated
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(ByteBuffer.allocate(16).putInt(IdxReader.IMAGES_MAGIC).putInt(2000).putInt(1000).putInt(1000).array());
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
        }
        Path bomb = write("bomb-images-idx3-ubyte.gz", out.toByteArray());
        write("bomb-labels-idx1-ubyte.gz", gzip(labelsFile(IdxReader.LABELS_MAGIC, LABELS)));
        assertMessage("bomb-images-idx3-ubyte.gz: the header announces 2000×1000×1000 values, about 16.8 GB in memory; more than"
                + " the heap can hold (1.0 GB; set DENDRITE_OPTS=-Xmx18g)", () -> IdxReader.read(bomb, 1L << 30));
    }

    @Test
    void aLabelsHeaderAnnouncingMoreThanTheHeapHoldsIsRefused() throws IOException {
        Path images = write("many-images-idx3-ubyte", imagesFile(IdxReader.IMAGES_MAGIC, M, pixels()));
        write("many-labels-idx1-ubyte", ByteBuffer.allocate(8).putInt(IdxReader.LABELS_MAGIC).putInt(Integer.MAX_VALUE).array());
        assertMessage("many-labels-idx1-ubyte: the header announces 2147483647 values, about 18.0 GB in memory; more than"
                + " the heap can hold (1.0 GB; set DENDRITE_OPTS=-Xmx19g)", () -> IdxReader.read(images, 1L << 30));
    }

    @Test
    void differentImageAndLabelCountsAreReported() throws IOException {
        Path images = write("odd-images-idx3-ubyte", imagesFile(IdxReader.IMAGES_MAGIC, M, pixels()));
        write("odd-labels-idx1-ubyte", labelsFile(IdxReader.LABELS_MAGIC, Arrays.copyOf(LABELS, M - 1)));
        assertMessage("odd-images-idx3-ubyte has 5 images but odd-labels-idx1-ubyte has 4 labels", () -> IdxReader.read(images));
    }

    @Test
    void aFileWithoutImagesIsReported() throws IOException {
        Path images = write("none-images-idx3-ubyte", imagesFile(IdxReader.IMAGES_MAGIC, 0, new byte[0]));
        write("none-labels-idx1-ubyte", labelsFile(IdxReader.LABELS_MAGIC, new byte[0]));
        assertMessage("none-images-idx3-ubyte holds no pixels: its header announces 0×2×3 values", () -> IdxReader.read(images));
    }

    @Test
    void aMissingLabelsFileNamesTheExpectedPath() throws IOException {
        Path images = write("lone-images-idx3-ubyte.gz", gzip(imagesFile(IdxReader.IMAGES_MAGIC, M, pixels())));
        assertMessage("no labels file for lone-images-idx3-ubyte.gz: expected " + dir.resolve("lone-labels-idx1-ubyte.gz")
                + " (or lone-labels-idx1-ubyte)", () -> service.load(images.toString(), DataOptions.defaults()));
    }

    @Test
    void aDirectoryWithoutTrainingImagesIsReported() {
        assertMessage("directory " + dir + " holds no train-images-idx3-ubyte[.gz]: give an IDX images file or a CSV file",
                () -> service.load(dir.toString(), DataOptions.defaults()));
    }

    @Test
    void aMissingImagesFileIsAMissingFile() {
        assertMessage("no such file: t10k-images-idx3-ubyte.gz", () -> service.load("t10k-images-idx3-ubyte.gz", DataOptions.defaults()));
    }

    @Test
    void theTargetAndTaskAreFixed() throws IOException {
        Path images = writePair("tiny", false);
        assertMessage("tiny-images-idx3-ubyte is an IDX data set with a fixed target; a target column applies to CSV files only",
                () -> service.load(images.toString(), options("label", 0, 1)));
        assertMessage("tiny-images-idx3-ubyte is an IDX data set for classification; the task regression applies to CSV files only",
                () -> service.load(images.toString(), new DataOptions(null, 0, 1, Task.REGRESSION, null)));
    }

    // ---- helpers

    /** Writes PREFIX-images-idx3-ubyte and PREFIX-labels-idx1-ubyte (both with .gz when {@code gzip}); returns the images file. */
    private Path writePair(String prefix, boolean gzip) throws IOException {
        byte[] images = imagesFile(IdxReader.IMAGES_MAGIC, M, pixels());
        byte[] labels = labelsFile(IdxReader.LABELS_MAGIC, LABELS);
        String suffix = gzip ? ".gz" : "";
        write(prefix + "-labels-idx1-ubyte" + suffix, gzip ? gzip(labels) : labels);
        return write(prefix + "-images-idx3-ubyte" + suffix, gzip ? gzip(images) : images);
    }

    /** M images of ROWS × COLS distinct pixels, with 0 and 255 in the first image. */
    private static byte[] pixels() {
        byte[] pixels = new byte[M * PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 51 + i / PIXELS);
        }
        return pixels;
    }

    private static byte[] imagesFile(int magic, int count, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(magic).putInt(count).putInt(ROWS).putInt(COLS).put(pixels).array();
    }

    private static byte[] labelsFile(int magic, byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(magic).putInt(labels.length).put(labels).array();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** The index of the image of {@code images} equal to sample j of {@code data}, or −1. */
    private static int imageOf(DataSet data, int j, DataSet images) {
        for (int i = 0; i < images.samples(); i++) {
            int image = i;
            if (IntStream.range(0, data.features()).allMatch(p -> data.x().get(p, j) == images.x().get(p, image))) {
                return i;
            }
        }
        return -1;
    }
}
