package dev.dendrite.data;

import static dev.dendrite.data.Fixtures.assertMessage;
import static dev.dendrite.data.Fixtures.options;
import static dev.dendrite.data.Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.api.data.DataSchema;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading with the schema of a trained model: {@link DefaultDataService#load(String, DataSchema, long)} and {@code features}. */
class SchemaLoadingTest {
    private static final List<String> IRIS_FEATURES = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    private static final int ROWS = 12;

    private final DefaultDataService service = Fixtures.serviceWithBuiltIns();

    @TempDir
    Path dir;

    private DataSchema iris;
    /** The first ROWS samples of iris.csv: four features, then the species. */
    private List<String[]> rows;

    @BeforeEach
    void trainOnIris() throws IOException {
        iris = service.load(resource("iris.csv"), options(null, 0.2, 3)).schema();
        rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of(resource("iris.csv")));
        for (int j = 0; j < ROWS; j++) {
            rows.add(lines.get(1 + 50 * (j % 3) + j).split(","));
        }
    }

    @Test
    void theSchemaIsWhatTheTrainingSplitFixed() {
        assertEquals(IRIS_FEATURES, iris.featureNames());
        assertEquals("species", iris.target());
        assertEquals(Task.CLASSIFICATION, iris.task());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classes());
    }

    @Test
    void columnsAreMatchedByNameInAnyOrderAndExtraColumnsIgnored() throws IOException {
        StringBuilder csv = new StringBuilder("id,species,petal_width,sepal_length,note,petal_length,sepal_width\n");
        for (int j = 0; j < ROWS; j++) {
            String[] r = rows.get(j);
            csv.append(String.join(",", "id" + j, r[4], r[3], r[0], "any text", r[2], r[1])).append('\n');
        }
        DataSet data = service.load(write("test.csv", csv.toString()).toString(), iris, 1);
        assertEquals(IRIS_FEATURES, data.featureNames());
        assertEquals(iris.classes(), data.classes());
        assertEquals(Task.CLASSIFICATION, data.task());
        assertEquals(expectedFeatures(), data.x());
        for (int j = 0; j < ROWS; j++) {
            assertEquals(rows.get(j)[4], data.classes().get((int) data.targets()[j]), "row " + j);
        }
    }

    @Test
    void aMissingFeatureColumnIsNamed() throws IOException {
        Path file = write("test.csv", "sepal_length,sepal_width,petal_length,species\n5.1,3.5,1.4,setosa\n");
        assertMessage("test.csv has no feature column 'petal_width'; its columns are: sepal_length, sepal_width, petal_length, species",
                () -> service.load(file.toString(), iris, 1));
        assertMessage("test.csv has no feature column 'petal_width'; its columns are: sepal_length, sepal_width, petal_length, species",
                () -> service.features(file.toString(), iris));
    }

    @Test
    void aMissingTargetColumnIsNamed() throws IOException {
        Path file = write("test.csv", "sepal_length,sepal_width,petal_length,petal_width,kind\n5.1,3.5,1.4,0.2,setosa\n");
        assertMessage("test.csv has no target column 'species'; its columns are: sepal_length, sepal_width, petal_length, petal_width, kind",
                () -> service.load(file.toString(), iris, 1));
    }

    @Test
    void anUnknownClassLabelNamesItsLineAndTheKnownClasses() throws IOException {
        StringBuilder csv = new StringBuilder(String.join(",", IRIS_FEATURES) + ",species\n");
        for (int j = 0; j < ROWS; j++) {
            String[] r = rows.get(j).clone();
            if (j == 10) {
                r[4] = "x";
            }
            csv.append(String.join(",", r)).append('\n');
        }
        Path file = write("test.csv", csv.toString());
        assertMessage("test.csv line 12, column 5 (species): class 'x' was not seen in training (known: setosa, versicolor, virginica)",
                () -> service.load(file.toString(), iris, 1));
    }

    @Test
    void featuresNeedNoTargetColumn() throws IOException {
        StringBuilder csv = new StringBuilder("petal_length,sepal_width,petal_width,sepal_length\n");
        for (String[] r : rows) {
            csv.append(String.join(",", r[2], r[1], r[3], r[0])).append('\n');
        }
        assertEquals(expectedFeatures(), service.features(write("predict.csv", csv.toString()).toString(), iris));
    }

    @Test
    void aRegressionTargetMustBeNumeric() throws IOException {
        DataSchema diabetes = service.load(resource("diabetes.csv"), options(null, 0.2, 3)).schema();
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(resource("diabetes.csv"))).subList(0, 6));
        Path file = write("eval.csv", String.join("\n", lines) + "\n");
        DataSet data = service.load(file.toString(), diabetes, 1);
        assertEquals(Task.REGRESSION, data.task());
        for (int j = 0; j < 5; j++) {
            String line = lines.get(j + 1);
            assertEquals(Double.parseDouble(line.substring(line.lastIndexOf(',') + 1)), data.targets()[j]);
        }
        lines.set(4, lines.get(4).substring(0, lines.get(4).lastIndexOf(',') + 1) + "high");
        Path bad = write("bad.csv", String.join("\n", lines) + "\n");
        assertMessage("bad.csv line 5, column 11 (progression): target 'high' is not a number; a regression target must be numeric",
                () -> service.load(bad.toString(), diabetes, 1));
    }

    @Test
    void aSchemaWithoutTargetUsesTheLastColumnAndMapsLabels() throws IOException {
        DataSchema xor = service.load("xor", options(null, 0.2, 3)).schema();
        Path file = write("xor.csv", "x2,x1,label\n1,-1,1\n-1,-1,0.0\n1,1,0\n");
        DataSet data = service.load(file.toString(), xor, 1);
        assertArrayEquals(new double[] {1, 0, 0}, data.targets());
        assertEquals(-1.0, data.x().get(0, 0) * xor.scaling().scale()[0] + xor.scaling().offset()[0], 1e-12, "x1 of row 1");

        Path noTarget = write("features.csv", "x2,x1\n1,-1\n");
        assertMessage("features.csv: the target column 'x1' is a feature of the model; name the target column",
                () -> service.load(noTarget.toString(), xor, 1));
    }

    @Test
    void aBuiltInIsGeneratedFromTheSeedAndScaledWithTheSchema() {
        DataSchema xor = service.load("xor", options(null, 0.2, 3)).schema();
        DataSet data = service.load("xor", xor, 8);
        DataSet raw = new XorDataSet().generate(8);
        Matrix expected = Matrix.wrap(2, raw.samples(), raw.x().data().clone());
        xor.scaling().applyInPlace(expected);
        assertEquals(expected, data.x());
        assertArrayEquals(raw.targets(), data.targets());
        assertMessage("'sine' is a built-in data set for regression, the model does classification", () -> service.load("sine", xor, 1));
    }

    /** The scaled features of the ROWS iris samples, as the schema's scaling makes them. */
    private Matrix expectedFeatures() {
        Matrix x = new Matrix(4, ROWS);
        FeatureScaling scaling = iris.scaling();
        for (int j = 0; j < ROWS; j++) {
            for (int i = 0; i < 4; i++) {
                x.set(i, j, (Double.parseDouble(rows.get(j)[i]) - scaling.offset()[i]) / scaling.scale()[i]);
            }
        }
        return x;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
