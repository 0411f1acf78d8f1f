package dev.dendrite.data;

import static dev.dendrite.data.Fixtures.assertMessage;
import static dev.dendrite.data.Fixtures.options;
import static dev.dendrite.data.Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSetProvider;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultDataServiceTest {
    private final DefaultDataService service = Fixtures.serviceWithBuiltIns();

    @TempDir
    Path dir;

    // ---- real data sets

    @Test
    void loadsIrisWithThreeStringClasses() {
        DataSplit split = service.load(resource("iris.csv"), options(null, 0, 1));
        DataSet iris = split.train();
        assertEquals(150, iris.samples());
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), iris.featureNames());
        assertEquals(Task.CLASSIFICATION, iris.task());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classes());
        assertNull(split.validation());
        assertFalse(split.hasValidation());
    }

    @Test
    void loadsWine() {
        DataSet wine = service.load(resource("wine.csv"), options(null, 0, 1)).train();
        assertEquals(178, wine.samples());
        assertEquals(13, wine.features());
        assertEquals(List.of("class_0", "class_1", "class_2"), wine.classes());
    }

    @Test
    void diabetesIsRegressionAndKeepsItsTargetValues() throws IOException {
        DataSet diabetes = service.load(resource("diabetes.csv"), options(null, 0, 1)).train();
        assertEquals(442, diabetes.samples());
        assertEquals(10, diabetes.features());
        assertEquals(Task.REGRESSION, diabetes.task());
        assertEquals(List.of(), diabetes.classes());
        double[] expected = Files.readAllLines(Path.of(resource("diabetes.csv"))).stream().skip(1)
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(',') + 1))).sorted().toArray();
        double[] actual = diabetes.targets().clone();
        Arrays.sort(actual);
        assertEquals(Arrays.toString(expected), Arrays.toString(actual));
    }

    @Test
    void theTargetColumnIsChosenByName() {
        DataSet data = service.load(resource("diabetes.csv"), options("sex", 0, 1)).train();
        assertEquals(Task.CLASSIFICATION, data.task());
        assertEquals(List.of("1", "2"), data.classes());
        assertEquals(10, data.features());
        assertTrue(data.featureNames().contains("progression"));
        assertFalse(data.featureNames().contains("sex"));
    }

    @Test
    void toleratesByteOrderMarkPaddingQuotesAndBlankLines() {
        DataSplit split = service.load(resource("small.csv"), options(null, 0, 1));
        DataSet data = split.train();
        assertEquals(List.of("width", "height"), data.featureNames());
        assertEquals(List.of("blue", "gr\"een", "red"), data.classes());
        assertEquals(6, data.samples());
        Map<Double, String> colourByWidth = Map.of(1.0, "red", 2.0, "blue", 3.0, "red", 4.0, "gr\"een", 5.0, "blue", 6.0, "red");
        for (int j = 0; j < 6; j++) {
            double width = raw(split, data.x(), 0, j);
            double height = raw(split, data.x(), 1, j);
            assertEquals(width + 1.5, height, 1e-12);
            assertEquals(colourByWidth.get((double) Math.round(width)), data.classes().get((int) data.targets()[j]));
        }
    }

    // ---- errors

    @Test
    void anUnknownNameListsTheBuiltIns() {
        assertMessage("unknown data set 'foo': not a built-in (circles, moons, sine, spirals, xor) and no such file",
                () -> service.load("foo", DataOptions.defaults()));
    }

    @Test
    void aMissingFileIsNamed() {
        assertMessage("no such file: /x/y.csv", () -> service.load("/x/y.csv", DataOptions.defaults()));
        assertMessage("no such file: missing.csv", () -> service.load("missing.csv", DataOptions.defaults()));
    }

    @Test
    void anUnknownTargetListsTheColumns() {
        assertMessage("small.csv has no target column 'size'; its columns are: width, height, colour",
                () -> service.load(resource("small.csv"), options("size", 0.2, 1)));
    }

    @Test
    void aWordAmongFeaturesNamesFileLineColumnAndValue() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(resource("iris.csv")));
        String[] fields = lines.get(16).split(",");
        fields[2] = "abc";
        lines.set(16, String.join(",", fields));
        Path iris = write("iris.csv", String.join("\n", lines));
        assertMessage("iris.csv line 17, column 3 (petal_length): 'abc' is not a number"
                + " (a text column is one-hot encoded with --categorical petal_length or --categorical auto)",
                () -> service.load(iris.toString(), DataOptions.defaults()));
    }

    @Test
    void aTargetThatMakesAWordColumnAFeatureIsReported() {
        assertMessage("iris.csv line 2, column 5 (species): 'setosa' is not a number"
                + " (a text column is one-hot encoded with --categorical species or --categorical auto)",
                () -> service.load(resource("iris.csv"), options("sepal_length", 0.2, 1)));
    }

    @Test
    void aRaggedRowIsReportedWithItsLine() throws IOException {
        Path file = write("ragged.csv", "a,b,c,d,y\n" + "1,2,3,4,0\n".repeat(7) + "1,2,3,0\n");
        assertMessage("ragged.csv line 9 has 4 values, the header has 5 (delimiter ',')", () -> service.load(file.toString(), DataOptions.defaults()));
    }

    @Test
    void aMissingValueIsReported() throws IOException {
        Path file = write("gaps.csv", "a,b,y\n1,2,0\n3, ,1\n");
        assertMessage("gaps.csv line 3, column 2 (b): missing value (--missing drop, mean, median or most_frequent handles missing values)", () -> service.load(file.toString(), DataOptions.defaults()));
    }

    @Test
    void anUnclosedQuoteIsReported() throws IOException {
        Path file = write("quote.csv", "a,y\n1,\"x\n");
        assertMessage("quote.csv line 2: a quoted field (field 2) is not closed before the end of the file", () -> service.load(file.toString(), DataOptions.defaults()));
    }

    @Test
    void emptyAndHeaderOnlyFilesAreReported() throws IOException {
        Path empty = write("empty.csv", "");
        Path blank = write("blank.csv", "\n  \n");
        Path header = write("header.csv", "a,b,y\n\n");
        String emptyMessage = " is empty: expected a header line of column names, then one line per sample";
        assertMessage("empty.csv" + emptyMessage, () -> service.load(empty.toString(), DataOptions.defaults()));
        assertMessage("blank.csv" + emptyMessage, () -> service.load(blank.toString(), DataOptions.defaults()));
        assertMessage("header.csv has a header but no data rows", () -> service.load(header.toString(), DataOptions.defaults()));
    }

    @Test
    void badHeadersAreReported() throws IOException {
        Path twice = write("twice.csv", "a,b,a\n1,2,3\n");
        Path unnamed = write("unnamed.csv", "a,,y\n1,2,3\n");
        Path single = write("single.csv", "y\n1\n2\n");
        assertMessage("twice.csv line 1: the header names column 'a' twice", () -> service.load(twice.toString(), DataOptions.defaults()));
        assertMessage("unnamed.csv line 1: column 2 of the header has no name", () -> service.load(unnamed.toString(), DataOptions.defaults()));
        assertMessage("single.csv line 1: the header has one column ('y'); a data set needs the target and at least one feature column",
                () -> service.load(single.toString(), DataOptions.defaults()));
    }

    @Test
    void aSplitLeavingNoTrainingSampleIsRefused() throws IOException {
        Path file = write("three.csv", "a,y\n1,1.5\n2,2.5\n3,3.5\n");
        assertMessage("a validation fraction of 0.9 leaves no training sample out of 3; lower the validation fraction",
                () -> service.load(file.toString(), options(null, 0.9, 1)));
    }

    @Test
    void aTargetColumnForABuiltInIsRefused() {
        assertMessage("'xor' is a built-in data set with a fixed target; a target column applies to CSV files only",
                () -> service.load("xor", options("x1", 0.2, 1)));
    }

    @Test
    void aMissingSourceIsRefused() {
        assertMessage("no data set given: name a built-in (circles, moons, sine, spirals, xor), a CSV file or an IDX images file",
                () -> service.load(" ", DataOptions.defaults()));
    }

    // ---- built-ins through the service registry

    @Test
    void builtInsAreGeneratedFromTheSeedAndSplit() {
        DataSplit split = service.load("spirals", options(null, 0.2, 9));
        assertEquals(480, split.train().samples());
        assertEquals(120, split.validation().samples());
        assertEquals(List.of("0", "1", "2"), split.train().classes());
        assertEquals("spirals", split.train().name());
    }

    @Test
    void aProviderBoundLaterBecomesUsableAndGoesAwayWhenUnbound() {
        SelectingCatalog catalog = new SelectingCatalog();
        DefaultDataService empty = new DefaultDataService(catalog);
        assertMessage("unknown data set 'xor': not a built-in () and no such file", () -> empty.load("xor", DataOptions.defaults()));
        XorDataSet xor = new XorDataSet();
        Map<String, Object> properties = catalog.bind(empty, xor, "xor");
        assertEquals(200, empty.load("xor", options(null, 0, 1)).train().samples());
        empty.removeProvider(xor, properties);
        assertMessage("unknown data set 'xor': not a built-in () and no such file", () -> empty.load("xor", DataOptions.defaults()));
    }

    /** Which of several providers of one name serves is the plug-in catalog's one rule, not the data service's. */
    @Test
    void theProviderTheCatalogSelectsServes() {
        SelectingCatalog catalog = new SelectingCatalog();
        DefaultDataService registry = new DefaultDataService(catalog);
        Map<String, Object> first = catalog.bind(registry, fake("first"), "toy");
        Map<String, Object> second = catalog.bind(registry, fake("second"), "toy");
        catalog.select(first, false);
        assertEquals("second", registry.load("toy", options(null, 0, 1)).train().name());
        catalog.select(second, false);
        catalog.select(first, true);
        assertEquals("first", registry.load("toy", options(null, 0, 1)).train().name());
    }

    // ---- helpers

    /** A provider of a 4-sample regression set named {@code tag}. */
    private static DataSetProvider fake(String tag) {
        return seed -> new DataSet(tag, List.of("x"), Matrix.of(new double[] {1, 2, 3, 4}), new double[] {1, 2, 3, 4}, Task.REGRESSION, List.of());
    }

    /** The unscaled value of feature i of sample j. */
    private static double raw(DataSplit split, Matrix x, int i, int j) {
        return x.get(i, j) * split.scaling().scale()[i] + split.scaling().offset()[i];
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
