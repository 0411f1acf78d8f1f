package dev.dendrite.tuning.tpe;

import dev.dendrite.api.tuning.Parameter;
import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialRequest;
import dev.dendrite.api.tuning.TuningStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;

/**
 * The tree-structured Parzen estimator (Bergstra, Bardenet, Bengio and Kégl 2011). The first
 * {@code startup} (option, default 10) proposals are random draws from the prior. After that the
 * finished trials the history shows are ranked (complete by objective, then pruned, then failed)
 * and split at the quantile γ = 0.25: the best ⌈γ·n⌉ are "good", the rest "bad". For each active
 * parameter, in order (a conditional parameter uses only the trials where it was active), a
 * density l(x) is fitted to the good values and g(x) to the bad ones — a {@link ParzenEstimator}
 * in log space for loguniform, over [lo − ½, hi + ½] rounded for int, and for a choice the counts
 * plus one (prior smoothing) normalized — then {@code candidates} (option, default 24) draws from
 * l are scored by l(x)/g(x) and the best is taken. l/g factorizes over parameters, so choosing
 * per parameter maximizes the joint ratio of independent draws.
 */
@Component(property = {"name=tpe", "description=tree-structured Parzen estimator (Bergstra et al. 2011): models good and bad trials"})
public final class TpeStrategy implements TuningStrategy {
    static final double GAMMA = 0.25;
    private static final long PRIOR_STREAM = 0x54504531L;
    private static final long MODEL_STREAM = 0x54504532L;

    @Override
    public void validate(SearchSpace space, StudyContext context) {
        if (context.intOption("startup", 10) < 1 || context.intOption("candidates", 24) < 1) {
            throw new IllegalArgumentException("tpe: startup and candidates must be positive");
        }
    }

    @Override
    public Optional<TrialRequest> ask(SearchSpace space, List<TrialRecord> history, StudyContext context) {
        List<TrialRecord> finished = history.stream().filter(TrialRecord::finished).sorted(context.ranking()).toList();
        if (finished.size() < context.intOption("startup", 10)) {
            return Optional.of(new TrialRequest(space.sample(context.random(PRIOR_STREAM)), context.budget()));
        }
        int good = (int) Math.ceil(GAMMA * finished.size());
        List<TrialRecord> below = finished.subList(0, good);
        List<TrialRecord> above = finished.subList(good, finished.size());
        SplittableRandom random = context.random(MODEL_STREAM);
        int candidates = context.intOption("candidates", 24);
        Map<String, Object> point = new LinkedHashMap<>();
        for (Parameter p : space.parameters()) {
            if (SearchSpace.active(p, point)) {
                point.put(p.name(), p.kind() == Parameter.Kind.CHOICE
                        ? choose(p, below, above, random, candidates)
                        : number(p, below, above, random, candidates));
            }
        }
        return Optional.of(new TrialRequest(point, context.budget()));
    }

    private static Object number(Parameter p, List<TrialRecord> below, List<TrialRecord> above, SplittableRandom random, int candidates) {
        boolean log = p.kind() == Parameter.Kind.LOGUNIFORM;
        boolean integer = p.kind() == Parameter.Kind.INT;
        double a = log ? Math.log(p.low()) : integer ? p.low() - 0.5 : p.low();
        double b = log ? Math.log(p.high()) : integer ? p.high() + 0.5 : p.high();
        ParzenEstimator l = new ParzenEstimator(internal(p, below, log), a, b);
        ParzenEstimator g = new ParzenEstimator(internal(p, above, log), a, b);
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates; i++) {
            double x = l.sample(random);
            if (integer) {
                x = Math.max(p.low(), Math.min(p.high(), Math.rint(x)));
            }
            double score = l.logDensity(x) - g.logDensity(x);
            if (score > bestScore) {
                bestScore = score;
                best = x;
            }
        }
        if (integer) {
            return (long) best;
        }
        return Math.max(p.low(), Math.min(p.high(), log ? Math.exp(best) : best));
    }

    /** The trials' values of p where it was active, in the estimator's space. */
    private static double[] internal(Parameter p, List<TrialRecord> trials, boolean log) {
        return trials.stream().map(t -> t.parameters().get(p.name())).filter(v -> v instanceof Number)
                .mapToDouble(v -> log ? Math.log(((Number) v).doubleValue()) : ((Number) v).doubleValue()).toArray();
    }

    private static String choose(Parameter p, List<TrialRecord> below, List<TrialRecord> above, SplittableRandom random, int candidates) {
        double[] l = frequencies(p, below);
        double[] g = frequencies(p, above);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates; i++) {
            int c = draw(l, random);
            double score = Math.log(l[c]) - Math.log(g[c]);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return p.choices().get(best);
    }

    /** (count_c + 1) / (n + k): the choices' frequencies with one prior observation each. */
    private static double[] frequencies(Parameter p, List<TrialRecord> trials) {
        int k = p.choices().size();
        double[] f = new double[k];
        java.util.Arrays.fill(f, 1);
        double total = k;
        for (TrialRecord t : trials) {
            int c = p.choices().indexOf(t.parameters().get(p.name()));
            if (c >= 0) {
                f[c]++;
                total++;
            }
        }
        for (int c = 0; c < k; c++) {
            f[c] /= total;
        }
        return f;
    }

    private static int draw(double[] probabilities, SplittableRandom random) {
        double u = random.nextDouble();
        for (int c = 0; c < probabilities.length - 1; c++) {
            u -= probabilities[c];
            if (u < 0) {
                return c;
            }
        }
        return probabilities.length - 1;
    }
}
