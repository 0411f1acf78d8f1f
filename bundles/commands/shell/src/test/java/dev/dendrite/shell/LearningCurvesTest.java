package dev.dendrite.shell;

import dev.dendrite.nn.runs.RunRegistry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingRequest;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class LearningCurvesTest {

    @TempDir
    Path dir;

    /** A run of four epochs: the loss falls and the accuracy rises on both splits (validation unless null). */
    private static TrainingResult result(boolean validation) {
        DataSet set = new DataSet("xor", List.of("x1", "x2"), XorData.X, new double[] {0, 1, 1, 0}, Task.CLASSIFICATION, List.of("0", "1"));
        Model model = new Model(List.of(new DenseLayer(new Matrix(1, 2), new Matrix(1, 1), "sigmoid")), "binary_crossentropy",
                new DataSplit(set, null, FeatureScaling.identity(2)).schema(),
                Map.of("data", "xor", "layers", "8", "optimizer", "sgd", "lr", "0.1", "batch", "2"));
        List<EpochReport> history = new ArrayList<>();
        for (int e = 1; e <= 4; e++) {
            Metrics train = new Metrics(1.0 / e, Map.of("accuracy", 0.5 + 0.1 * e), null);
            Metrics val = validation ? new Metrics(1.2 / e, Map.of("accuracy", 0.45 + 0.1 * e), null) : null;
            history.add(new EpochReport(e, 2L * e, 0.1, train, val, "accuracy", 1));
        }
        return new TrainingResult(model, history, 8, List.of(), history.get(3).train(), history.get(3).validation(), "completed");
    }

    /** The y pixels of each series group's polyline, by group id. */
    private static Map<String, double[]> series(Path svg) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(svg))));
        NodeList groups = doc.getElementsByTagName("g");
        Map<String, double[]> found = new LinkedHashMap<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            String points = ((Element) g.getElementsByTagName("polyline").item(0)).getAttribute("points");
            found.put(g.getAttribute("id"), Arrays.stream(points.split(" ")).mapToDouble(p -> Double.parseDouble(p.split(",")[1])).toArray());
        }
        return found;
    }

    @Test
    void plotsLossAndMetricOnBothSplits() throws Exception {
        Path file = LearningCurves.write(result(true), dir.resolve("curves/xor.svg"));
        Map<String, double[]> series = series(file);
        assertEquals(List.of("train-loss", "val-loss", "train-accuracy", "val-accuracy"), List.copyOf(series.keySet()));
        for (Map.Entry<String, double[]> s : series.entrySet()) {
            double[] y = s.getValue();
            assertEquals(4, y.length, s.getKey());
            for (int i = 1; i < y.length; i++) { // screen y grows downwards
                assertTrue(s.getKey().endsWith("loss") ? y[i] > y[i - 1] : y[i] < y[i - 1], s.getKey() + " at epoch " + (i + 1));
            }
        }
        assertTrue(Files.readString(file).contains("xor; hidden 8; sgd α 0.1; batch 2; 2 iterations per epoch"));
    }

    @Test
    void withoutValidationOnlyTheTrainingCurvesAreDrawn() throws Exception {
        Path file = LearningCurves.write(result(false), dir.resolve("xor.svg"));
        assertEquals(List.of("train-loss", "train-accuracy"), List.copyOf(series(file).keySet()));
    }

    @Test
    void theFileMustBeSvg() {
        assertEquals(Path.of("a/b.SVG"), LearningCurves.file(" a/b.SVG "));
        assertEquals("'b.png' must name an .svg file",
                assertThrows(IllegalArgumentException.class, () -> LearningCurves.file("b.png")).getMessage());
    }

    @Test
    void mlTrainWritesTheCurvesItWasAskedFor() throws Throwable {
        List<TrainingRequest> runs = new ArrayList<>();
        Trainer trainer = new Trainer() {
            @Override
            public TrainingResult train(TrainingRequest spec, DataSplit data, TrainingListener listener, Model start) {
                runs.add(spec);
                return result(true);
            }

            @Override
            public Matrix predict(Model model, Matrix x) {
                throw new AssertionError("not used");
            }

            @Override
            public Metrics evaluate(Model model, DataSet data) {
                throw new AssertionError("not used");
            }
        };
        DataService data = new XorData(false);
        TrainCommand command = new TrainCommand(trainer, data, null, new RunRegistry(), TrainCommandTest.defaults(Map.of()));
        Path file = dir.resolve("run.svg");
        String summary = train(command, file.toString());
        assertTrue(summary.endsWith("learning curves: " + file), summary);
        assertEquals(4, series(file).size());

        assertEquals("--curve: 'run.png' must name an .svg file",
                assertThrows(IllegalArgumentException.class, () -> train(command, "run.png")).getMessage());
        assertEquals(1, runs.size(), "a bad --curve is refused before training");
        assertFalse(Files.exists(dir.resolve("run.png")));
    }

    /** Calls ml:train as Gogo does: every option at its absent value but --curve, on the built-in xor. */
    private static String train(TrainCommand command, String curve) throws Throwable {
        return Gogo.call(command, "train", "xor", "--curve", curve);
    }
}
