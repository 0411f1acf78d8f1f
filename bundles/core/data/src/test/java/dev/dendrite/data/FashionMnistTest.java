package dev.dendrite.data;

import static dev.dendrite.data.Fixtures.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The real Fashion-MNIST test images of the shared data folder, when present. */
class FashionMnistTest {
    /** ../shared/data of the repository root, from this module's folder (where the tests run). */
    private static final Path TEST_IMAGES = Path.of("../../../../shared/data/fashion-mnist/t10k-images-idx3-ubyte.gz");

    @Test
    void loadsTheTenThousandTestImages() {
        assumeTrue(Files.isRegularFile(TEST_IMAGES), TEST_IMAGES + " is not present");
        DataSplit split = Fixtures.serviceWithBuiltIns().load(TEST_IMAGES.toString(), options(null, 0.1, 1));
        DataSet train = split.train();
        assertEquals(10_000, train.samples() + split.validation().samples());
        assertEquals(784, train.features());
        assertEquals("p783", train.featureNames().get(783));
        assertEquals(IntStream.range(0, 10).mapToObj(Integer::toString).toList(), train.classes());
        int[] validationCounts = new int[10];
        for (double t : split.validation().targets()) {
            validationCounts[(int) t]++;
        }
        for (int k = 0; k < 10; k++) {
            assertEquals(100, validationCounts[k], "class " + k + ": the test set has 1000 of each, 10 % in validation");
        }
        for (DataSet part : List.of(train, split.validation())) {
            double max = 0;
            for (double v : part.x().data()) {
                assertTrue(v >= 0 && v <= 1, "pixel value " + v);
                max = Math.max(max, v);
            }
            assertEquals(1.0, max, "some pixels are 255");
        }
    }
}
