package dev.dendrite.bench;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.GZIPInputStream;

/** MNIST-format (IDX) images and labels, gzip-compressed, as a data set with pixels scaled to [0, 1]. */
final class Idx {

    private Idx() {
    }

    /** {@code folder/<prefix>-images-idx3-ubyte.gz} and {@code folder/<prefix>-labels-idx1-ubyte.gz}. */
    static DataSet read(Path folder, String prefix, String name) throws IOException {
        byte[] images = payload(folder.resolve(prefix + "-images-idx3-ubyte.gz"), 3);
        byte[] labels = payload(folder.resolve(prefix + "-labels-idx1-ubyte.gz"), 1);
        int m = labels.length;
        int n = images.length / m;
        Matrix x = new Matrix(n, m);
        for (int j = 0; j < m; j++) {
            for (int r = 0; r < n; r++) {
                x.set(r, j, (images[j * n + r] & 0xff) / 255.0);
            }
        }
        double[] t = new double[m];
        for (int j = 0; j < m; j++) {
            t[j] = labels[j];
        }
        return new DataSet(name, EpochBenchmark.featureNames(n), x, t, Task.CLASSIFICATION, EpochBenchmark.classNames(10));
    }

    /** The bytes after the header (magic number and {@code dimensions} sizes). */
    private static byte[] payload(Path file, int dimensions) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            int magic = in.readInt();
            if ((magic & 0xff) != dimensions) {
                throw new IllegalArgumentException(file + ": " + (magic & 0xff) + " dimensions, expected " + dimensions);
            }
            for (int d = 0; d < dimensions; d++) {
                in.readInt();
            }
            return in.readAllBytes();
        }
    }
}
