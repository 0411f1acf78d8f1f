package dev.dendrite.uat;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The universal-approximation experiment. For each width n[1] it trains, with the platform's
 * {@link Trainer}, a network x → one hidden layer of n[1] units → linear output, with the mse
 * loss, on m samples (x_j, f(x_j)) spread over the domain (Latin hypercube), then measures the
 * max and RMS error of the fit on a dense grid. Every width uses the same samples and seed.
 *
 * <p>Inputs are mapped affinely from [lo, hi] to [−1, 1] (the model's feature scaling) and
 * targets from [min f, max f] of the samples to [−1, 1]; errors are reported in f's own units.
 */
@Component(service = UatDemo.class)
public final class UatDemo {

    private final Trainer trainer;

    @Activate
    public UatDemo(@Reference Trainer trainer) {
        this.trainer = trainer;
    }

    /**
     * Runs the experiment, calling {@code progress} after each width.
     *
     * @throws IllegalArgumentException for an unknown plug-in name or a target that is not
     *                                  finite at a grid point or sample
     */
    public UatReport run(UatSettings settings, Consumer<WidthResult> progress) {
        Target target = settings.target();
        Grid grid = Grid.of(target);
        double[] truth = grid.values(target);

        DataSet samples = samples(settings);
        Range range = Range.of(samples.targets());
        FeatureScaling inputScaling = inputScaling(target);
        inputScaling.applyInPlace(samples.x());
        DataSet train = new DataSet(samples.name(), samples.featureNames(), samples.x(), range.toUnit(samples.targets()),
                Task.REGRESSION, List.of());
        DataSplit split = new DataSplit(train, null, inputScaling);
        Matrix gridInputs = grid.inputs();
        inputScaling.applyInPlace(gridInputs);

        List<WidthResult> results = new ArrayList<>();
        for (int width : settings.widths()) {
            long start = System.nanoTime();
            TrainingResult trained = trainer.train(settings.network(width), split, TrainingListener.NONE);
            long millis = (System.nanoTime() - start) / 1_000_000;
            double[] predicted = range.fromUnit(trainer.predict(trained.model(), gridInputs).data());
            WidthResult result = WidthResult.of(width, millis, truth, predicted);
            results.add(result);
            progress.accept(result);
        }
        return new UatReport(settings, grid, truth, results);
    }

    /** The affine map between the targets' range [min, max] and [−1, 1] (a constant maps to 0). */
    private record Range(double center, double half) {

        static Range of(double[] values) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return new Range((max + min) / 2, max > min ? (max - min) / 2 : 1);
        }

        /** (v − center)/half for each value, in a new array. */
        double[] toUnit(double[] values) {
            double[] u = new double[values.length];
            for (int i = 0; i < u.length; i++) {
                u[i] = (values[i] - center) / half;
            }
            return u;
        }

        /** center + half·u for each value, in a new array. */
        double[] fromUnit(double[] units) {
            double[] v = new double[units.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = center + half * units[i];
            }
            return v;
        }
    }

    /**
     * m Latin-hypercube samples of the domain with their f values: each axis is cut into m equal
     * slices and every slice holds exactly one sample, at a uniform random place in it (in 1-D,
     * one sample per slice; in 2-D the slices of y are paired with those of x at random). The run's
     * seed fixes them.
     */
    private static DataSet samples(UatSettings settings) {
        Target target = settings.target();
        int d = target.dimensions();
        int m = settings.samples();
        Random random = new Random(settings.training().seed());
        double slice = (target.hi() - target.lo()) / m;
        Matrix x = new Matrix(d, m);
        for (int r = 0; r < d; r++) {
            int[] order = permutation(m, random);
            for (int j = 0; j < m; j++) {
                x.set(r, j, target.lo() + (order[j] + random.nextDouble()) * slice);
            }
        }
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            y[j] = target.at(x.get(0, j), d == 2 ? x.get(1, j) : 0);
        }
        List<String> names = d == 1 ? List.of("x") : List.of("x", "y");
        return new DataSet("uat:" + target.name(), names, x, y, Task.REGRESSION, List.of());
    }

    /** 0 … m−1 in a random order (Fisher–Yates). */
    private static int[] permutation(int m, Random random) {
        int[] p = new int[m];
        for (int i = 0; i < m; i++) {
            p[i] = i;
        }
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** x' = (x − c)/h with c the domain's centre and h its half width: [lo, hi] → [−1, 1]. */
    private static FeatureScaling inputScaling(Target target) {
        int d = target.dimensions();
        double[] offset = new double[d];
        double[] scale = new double[d];
        Arrays.fill(offset, (target.hi() + target.lo()) / 2);
        Arrays.fill(scale, (target.hi() - target.lo()) / 2);
        return new FeatureScaling(offset, scale);
    }
}
