package dev.dendrite.tuning.tpe;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A one-dimensional Parzen estimator on [a, b] (Bergstra et al. 2011, as in hyperopt): an equal-
 * weight mixture of Gaussians truncated to [a, b], one at each observation and one prior component
 * N((a+b)/2, (b−a)²). Each component's σ is the larger distance to its neighbours in sorted order
 * (the bounds count as neighbours of the extremes), clipped to [(b−a)/min(100, n+1), b−a].
 */
final class ParzenEstimator {
    private final double a;
    private final double b;
    private final double[] mu;
    private final double[] sigma;
    private final double[] mass;

    ParzenEstimator(double[] observations, double a, double b) {
        this.a = a;
        this.b = b;
        int n = observations.length + 1;
        mu = Arrays.copyOf(observations, n);
        mu[n - 1] = (a + b) / 2;
        Arrays.sort(mu);
        sigma = new double[n];
        double width = b - a;
        double minSigma = width / Math.min(100, n);
        for (int i = 0; i < n; i++) {
            double left = mu[i] - (i == 0 ? a : mu[i - 1]);
            double right = (i == n - 1 ? b : mu[i + 1]) - mu[i];
            sigma[i] = Math.min(width, Math.max(minSigma, Math.max(left, right)));
        }
        int prior = Arrays.binarySearch(mu, (a + b) / 2);
        sigma[prior] = width;
        mass = new double[n];
        for (int i = 0; i < n; i++) {
            mass[i] = Math.max(1e-12, phi((b - mu[i]) / sigma[i]) - phi((a - mu[i]) / sigma[i]));
        }
    }

    /** A draw: a component chosen uniformly, then its truncated normal (by rejection). */
    double sample(SplittableRandom random) {
        int i = random.nextInt(mu.length);
        for (int tries = 0; tries < 100; tries++) {
            double x = mu[i] + sigma[i] * gaussian(random);
            if (x >= a && x <= b) {
                return x;
            }
        }
        return a + random.nextDouble() * (b - a);
    }

    /** log p(x). */
    double logDensity(double x) {
        double sum = 0;
        for (int i = 0; i < mu.length; i++) {
            double z = (x - mu[i]) / sigma[i];
            sum += Math.exp(-0.5 * z * z) / (Math.sqrt(2 * Math.PI) * sigma[i] * mass[i]);
        }
        return Math.log(Math.max(sum / mu.length, Double.MIN_NORMAL));
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Φ(z), the standard normal CDF, from erf (Abramowitz and Stegun 7.1.26, |error| ≤ 1.5e−7). */
    static double phi(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
