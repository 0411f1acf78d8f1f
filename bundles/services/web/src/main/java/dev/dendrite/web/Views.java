package dev.dendrite.web;

import dev.dendrite.api.data.FeatureColumn;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.plugin.BundleProblem;
import dev.dendrite.api.plugin.PluginInfo;
import dev.dendrite.api.run.TrackedRun;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyInfo;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.models.ModelInfo;
import dev.dendrite.options.TrainingOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The API's JSON documents: plain maps and lists of the platform's values, with NaN and infinities as null. */
final class Views {

    private Views() {
    }

    /** A number, or null when it has no JSON form (NaN, ±∞). */
    static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    static Map<String, Object> plugin(PluginInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("description", p.description());
        m.put("ranking", (long) p.ranking());
        m.put("bundle", p.bundleName());
        m.put("version", p.bundleVersion());
        m.put("bundleId", p.bundleId());
        m.put("selected", p.selected());
        m.put("shadowedBy", p.shadowed() ? p.shadowedBy() : null);
        return m;
    }

    static Map<String, Object> problem(BundleProblem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bundle", p.bundle());
        m.put("location", p.location());
        m.put("reasons", new ArrayList<Object>(p.reasons()));
        return m;
    }

    static Map<String, Object> epoch(EpochReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", (long) r.epoch());
        m.put("iterations", r.iterations());
        m.put("lr", number(r.learningRate()));
        m.put("loss", number(r.trainCost()));
        m.put("metric", r.metric());
        m.put(r.metric(), number(r.trainMetric()));
        if (r.validation() != null) {
            m.put("val_loss", number(r.validationCost()));
            m.put("val_" + r.metric(), number(r.validationMetric()));
        }
        m.put("millis", r.millis());
        return m;
    }

    /** A run; with its epochs when {@code full}, else with its last one only. */
    static Map<String, Object> run(TrackedRun run, String savedAs, boolean full) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<EpochReport> history = run.history();
        m.put("id", run.id());
        m.put("dataset", run.dataset());
        m.put("origin", run.origin());
        m.put("state", run.state().name().toLowerCase(Locale.ROOT));
        m.put("created", run.created().toString());
        m.put("options", new LinkedHashMap<String, Object>(TrainingOptions.describe(run.request())));
        m.put("plannedEpochs", run.request().iterations() > 0 ? null : (long) run.request().epochs());
        m.put("epochs", (long) history.size());
        m.put("outcome", run.outcome());
        m.put("model", savedAs);
        if (full) {
            List<Object> epochs = new ArrayList<>();
            history.forEach(r -> epochs.add(epoch(r)));
            m.put("history", epochs);
        } else {
            m.put("last", history.isEmpty() ? null : epoch(history.get(history.size() - 1)));
        }
        return m;
    }

    static Map<String, Object> modelInfo(ModelInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", info.name());
        m.put("task", info.task() == null ? null : info.task().name().toLowerCase(Locale.ROOT));
        m.put("layers", info.layers());
        m.put("created", info.created() == null ? null : info.created().toString());
        m.put("size", info.size());
        m.put("problem", info.problem());
        return m;
    }

    /** A model: its shape, schema, metrics (the provenance's {@code train …} and {@code validation …} entries) and provenance. */
    static Map<String, Object> model(String name, Model model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("task", model.task().name().toLowerCase(Locale.ROOT));
        List<Object> widths = new ArrayList<>();
        widths.add((long) model.inputs());
        List<Object> layers = new ArrayList<>();
        for (DenseLayer layer : model.layers()) {
            widths.add((long) layer.weights().rows());
            layers.add(Map.of("units", (long) layer.weights().rows(), "activation", layer.activation()));
        }
        m.put("widths", widths);
        m.put("layers", layers);
        m.put("loss", model.loss());
        List<Object> columns = new ArrayList<>();
        for (FeatureColumn column : model.schema().columns()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", column.name());
            c.put("categories", column.categorical() ? new ArrayList<Object>(column.categories()) : null);
            c.put("optional", column.filled());
            columns.add(c);
        }
        m.put("columns", columns);
        m.put("features", new ArrayList<Object>(model.schema().featureNames()));
        m.put("target", model.schema().target());
        m.put("classes", new ArrayList<Object>(model.classes()));
        Map<String, Object> metrics = new LinkedHashMap<>();
        model.provenance().forEach((key, value) -> {
            if (key.startsWith("train ") || key.startsWith("validation ")) {
                try {
                    metrics.put(key, Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    metrics.put(key, value);
                }
            }
        });
        m.put("metrics", metrics);
        m.put("provenance", new LinkedHashMap<String, Object>(model.provenance()));
        return m;
    }

    static Map<String, Object> studyInfo(StudyInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", info.name());
        Study study = info.study();
        if (study != null) {
            summary(study, m);
        }
        m.put("problem", info.problem());
        return m;
    }

    /** A study with its leaderboard (best first) and its trials in number order with the best value so far. */
    static Map<String, Object> study(String name, Study study) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        summary(study, m);
        m.put("space", study.settings().space());
        List<Object> leaderboard = new ArrayList<>();
        study.leaderboard().forEach(t -> leaderboard.add(trial(t)));
        m.put("leaderboard", leaderboard);
        List<Object> trials = new ArrayList<>();
        double best = Double.NaN;
        for (TrialRecord t : study.trials()) {
            Map<String, Object> row = trial(t);
            if (!Double.isNaN(t.value()) && (Double.isNaN(best) || (study.higherIsBetter() ? t.value() > best : t.value() < best))) {
                best = t.value();
            }
            row.put("bestSoFar", number(best));
            trials.add(row);
        }
        m.put("trials", trials);
        return m;
    }

    private static void summary(Study study, Map<String, Object> m) {
        m.put("dataset", study.settings().dataset());
        m.put("strategy", study.settings().strategy());
        m.put("metric", study.metric());
        m.put("direction", study.higherIsBetter() ? "maximize" : "minimize");
        m.put("trials", (long) study.trials().size());
        m.put("best", study.best().map(Views::trial).orElse(null));
    }

    private static Map<String, Object> trial(TrialRecord t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", (long) t.number());
        m.put("state", t.state().name().toLowerCase(Locale.ROOT));
        m.put("value", number(t.value()));
        m.put("epochs", (long) t.epochs());
        Map<String, Object> parameters = new LinkedHashMap<>();
        t.parameters().forEach((k, v) -> parameters.put(k, v instanceof Number || v instanceof String || v instanceof Boolean
                ? v instanceof Integer i ? (Object) (long) i : v : String.valueOf(v)));
        m.put("parameters", parameters);
        m.put("message", t.message());
        return m;
    }

}
