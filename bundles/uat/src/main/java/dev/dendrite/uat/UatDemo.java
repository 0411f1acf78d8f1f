package dev.dendrite.uat;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The universal-approximation experiment. For each width n[1] it trains, with the platform's
 * {@link Trainer}, a network x → tanh-like hidden layer of n[1] units → linear output, with the
 * mse loss, on m samples (x_j, f(x_j)) drawn uniformly from the domain, then measures the max and
 * RMS error of the fit on a dense grid.
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
        double[] t = samples.targets();
        double tMin = Double.POSITIVE_INFINITY;
        double tMax = Double.NEGATIVE_INFINITY;
        for (double v : t) {
            tMin = Math.min(tMin, v);
            tMax = Math.max(tMax, v);
        }
        double tCenter = (tMax + tMin) / 2;
        double tHalf = (tMax > tMin ? (tMax - tMin) / 2 : 1) / Double.parseDouble(System.getProperty("uat.tscale", "1"));
        double[] scaledTargets = new double[t.length];
        for (int j = 0; j < t.length; j++) {
            scaledTargets[j] = (t[j] - tCenter) / tHalf;
        }
        FeatureScaling inputScaling = inputScaling(target);
        inputScaling.applyInPlace(samples.x());
        DataSet train = new DataSet(samples.name(), samples.featureNames(), samples.x(), scaledTargets,
                Task.REGRESSION, List.of());
        DataSplit split = new DataSplit(train, null, inputScaling);
        Matrix gridInputs = grid.inputs();
        inputScaling.applyInPlace(gridInputs);

        List<WidthResult> results = new ArrayList<>();
        for (int width : settings.widths()) {
            long start = System.nanoTime();
            TrainingResult trained = trainer.train(spec(settings, width), split, TrainingListener.NONE);
            long millis = (System.nanoTime() - start) / 1_000_000;
            double[] predicted = trainer.predict(trained.model(), gridInputs).data().clone();
            for (int k = 0; k < predicted.length; k++) {
                predicted[k] = predicted[k] * tHalf + tCenter;
            }
            WidthResult result = WidthResult.of(width, millis, truth, predicted);
            results.add(result);
            progress.accept(result);
        }
        return new UatReport(settings, grid, truth, results);
    }

    private static TrainingSpec spec(UatSettings s, int width) {
        return new TrainingSpec(List.of(width), s.activation(), "linear", "mse", s.optimizer(), System.getProperty("uat.eps") == null ? Map.of("lr", s.lr()) : Map.of("lr", s.lr(), "epsilon", Double.parseDouble(System.getProperty("uat.eps"))),
                s.batch(), s.epochs(), s.iterations(), s.seed(), s.backend());
    }

    /** m points drawn uniformly from the domain with the run's seed, with their f values. */
    private static DataSet samples(UatSettings settings) {
        Target target = settings.target();
        int d = target.dimensions();
        int m = settings.samples();
        Random random = new Random(settings.seed());
        Matrix x = new Matrix(d, m);
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            for (int r = 0; r < d; r++) {
                x.set(r, j, target.lo() + random.nextDouble() * (target.hi() - target.lo()));
            }
            y[j] = target.at(x.get(0, j), d == 2 ? x.get(1, j) : 0);
        }
        List<String> names = d == 1 ? List.of("x") : List.of("x", "y");
        return new DataSet("uat:" + target.name(), names, x, y, Task.REGRESSION, List.of());
    }

    /** x' = (x − c)/h with c the domain's centre and h its half width: [lo, hi] → [−1, 1]. */
    private static FeatureScaling inputScaling(Target target) {
        int d = target.dimensions();
        double[] offset = new double[d];
        double[] scale = new double[d];
        Arrays.fill(offset, (target.hi() + target.lo()) / 2 + Double.parseDouble(System.getProperty("uat.shift", "0")) * (target.hi() - target.lo()) / 2);
        Arrays.fill(scale, (target.hi() - target.lo()) / 2 / Double.parseDouble(System.getProperty("uat.scale", "1")));
        return new FeatureScaling(offset, scale);
    }
}
