package dev.dendrite.data;

import static dev.dendrite.data.Fixtures.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataSchema;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureColumn;
import dev.dendrite.api.data.TableOptions;
import dev.dendrite.api.data.TableOptions.Missing;
import dev.dendrite.api.data.TableOptions.Unseen;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real-world tables through the data service: delimiters, missing values, categorical columns, schemas that keep them. */
class TablesTest {
    /** Six rows, ';'-separated, a text column, NA and an empty cell; no validation split and no scaling, so X is the table. */
    private static final String MESSY = "size;colour;y\n1;red;a\n2;blue;b\nNA;red;a\n4;;b\n5;red;a\n;blue;b\n";

    private final DefaultDataService service = Fixtures.serviceWithBuiltIns();

    @TempDir
    Path dir;

    @Test
    void aSemicolonFileWithMissingValuesAndATextColumnIsReadWithMeanFillsAndOneHotColumns() throws IOException {
        DataSplit split = load(MESSY, Missing.MEAN, List.of("auto"));
        DataSet train = split.train();
        assertEquals(List.of("size", "colour=blue", "colour=red"), train.featureNames());
        double mean = (1 + 2 + 4 + 5) / 4.0;
        assertEquals(List.of(new FeatureColumn("size", List.of(), mean), new FeatureColumn("colour", List.of("blue", "red"), 1)),
                split.columns());
        assertArrayEquals(new double[] {1, 2, mean, 4, 5, mean}, row(train, "size", split), "missing sizes take the mean");
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 1}, row(train, "colour=blue", split));
        assertArrayEquals(new double[] {1, 0, 1, 1, 1, 0}, row(train, "colour=red", split), "the empty colour takes red, the most frequent");
        assertEquals(List.of("a", "b"), train.classes());
        assertEquals(split.columns(), split.schema().columns());
    }

    @Test
    void eachMissingStrategyFillsFromTheTrainingSplit() throws IOException {
        String table = "x,y\n1,0\n1,1\n2,0\n,1\n10,0\nNA,1\n";
        assertEquals(3.5, load(table, Missing.MEAN, List.of()).columns().get(0).fill());
        assertEquals(1.5, load(table, Missing.MEDIAN, List.of()).columns().get(0).fill());
        assertEquals(1, load(table, Missing.MOST_FREQUENT, List.of()).columns().get(0).fill());
        DataSplit dropped = load(table, Missing.DROP, List.of());
        assertEquals(4, dropped.train().samples(), "the two rows with a missing x are left out");
        assertTrue(!dropped.columns().get(0).filled());
        assertMessage("t.csv line 5, column 1 (x): missing value (--missing drop, mean, median or most_frequent handles missing values)",
                () -> load(table, Missing.ERROR, List.of()));
    }

    @Test
    void theFillsComeFromTheTrainingSplitOnly() throws IOException {
        StringBuilder table = new StringBuilder("x,y\n");
        for (int i = 0; i < 100; i++) {
            table.append(i).append(',').append(i % 2).append('\n');
        }
        table.append("NA,0\n");
        Path file = Files.writeString(dir.resolve("t.csv"), table);
        DataSplit split = service.load(file.toString(), new DataOptions(null, 0.3, 5, null, "none",
                new TableOptions(null, Missing.MEAN, List.of(), Unseen.ERROR)));
        double trainMean = 0;
        int n = 0;
        for (double v : split.train().x().data()) {
            trainMean += v == split.columns().get(0).fill() ? 0 : v;
            n += v == split.columns().get(0).fill() ? 0 : 1;
        }
        assertEquals(trainMean / n, split.columns().get(0).fill(), 1e-12);
        assertTrue(Math.abs(split.columns().get(0).fill() - 49.5) > 1e-9, "not the mean of all 100 values");
    }

    @Test
    void aMissingClassLabelIsRefusedNamingItsLineUnlessRowsAreDropped() throws IOException {
        String table = "x,y\n1,a\n2,\n3,b\n4,a\n";
        assertMessage("t.csv line 3, column 2 (y): missing value in the target column; every row needs a target"
                + " (--missing drop leaves such rows out)", () -> load(table, Missing.MEAN, List.of()));
        assertEquals(3, load(table, Missing.DROP, List.of()).train().samples());
    }

    @Test
    void aSchemaReadsANewFileTheSameWayFillsItsGapsAndTreatsUnseenCategoriesAsTold() throws IOException {
        DataSchema schema = load(MESSY, Missing.MOST_FREQUENT, List.of("colour")).schema();
        Path other = Files.writeString(dir.resolve("new.csv"), "colour|extra|size|y\nblue|x|7|b\n|x|?|a\n");
        DataSet read = service.load(other.toString(), schema, 1, new TableOptions(null, null, null, null));
        Matrix x = read.x();
        assertArrayEquals(new double[] {7, 1, 1, 0, 0, 1}, x.data(), "rows size, colour=blue, colour=red; gaps: size 1, colour red");
        assertArrayEquals(new double[] {1, 0}, read.targets());
        Path unseen = Files.writeString(dir.resolve("unseen.csv"), "size,colour\n3,green\n");
        assertMessage("unseen.csv line 2, column 2 (colour): category 'green' was not seen in training (known: blue, red);"
                + " --unseen zeros encodes it as none of them", () -> service.features(unseen.toString(), schema, TableOptions.DEFAULTS));
        Matrix zeros = service.features(unseen.toString(), schema, new TableOptions(null, null, null, Unseen.ZEROS));
        assertArrayEquals(new double[] {3, 0, 0}, zeros.data());
    }

    @Test
    void withoutCategoricalColumnsATextCellIsNamedWithTheOptionThatEncodesIt() throws IOException {
        assertMessage("t.csv line 2, column 2 (colour): 'red' is not a number (a text column is one-hot encoded with"
                + " --categorical colour or --categorical auto)", () -> load(MESSY, Missing.MEAN, List.of()));
        assertMessage("--categorical: 'y' is the target column; class labels need no encoding", () -> load(MESSY, Missing.MEAN, List.of("y")));
        assertMessage("t.csv has no categorical column 'nope'; its columns are: size, colour, y", () -> load(MESSY, Missing.MEAN, List.of("nope")));
    }

    @Test
    void tooManyCategoriesAreRefusedAtTheFirstOneTooMany() throws IOException {
        StringBuilder table = new StringBuilder("id,y\n");
        for (int i = 0; i < 1200; i++) {
            table.append("u").append(i).append(',').append(i % 2).append('\n');
        }
        assertMessage("t.csv line 1002, column 1 (id): 'u1000' is distinct value 1001 of column 'id'; more than 1000 categories"
                + " are too many to one-hot encode (--categorical auto takes every text column: name the columns to encode instead)",
                () -> load(table.toString(), Missing.ERROR, List.of("auto")));
    }

    @Test
    void aOneHotNameThatMeetsAColumnOfThatNameIsRefused() throws IOException {
        assertMessage("t.csv: the one-hot feature 'c=a' has the name of another column; rename the column",
                () -> load("c=a,c,y\n1,a,0\n2,b,1\n", Missing.ERROR, List.of("c")));
    }

    @Test
    void eachDelimiterIsDetectedOrChosenAndAnAmbiguousOneIsRefused() throws IOException {
        for (String d : List.of(",", ";", "\t", "|")) {
            String table = "a" + d + "b" + d + "y\n1" + d + "2" + d + "0\n3" + d + "4" + d + "1\n5" + d + "6" + d + "0\n";
            assertEquals(List.of("a", "b"), load(table, Missing.ERROR, List.of()).train().featureNames(), "delimiter " + d);
        }
        String ambiguous = "a,b;y\n1,2;0\n3,4;1\n";
        assertMessage("t.csv: cannot tell its delimiter: ',' and ';' each split the header and the first lines into the same number"
                + " of columns (2 and 2); choose one with --delimiter", () -> load(ambiguous, Missing.ERROR, List.of()));
        Path file = Files.writeString(dir.resolve("t.csv"), ambiguous);
        DataSplit bySemicolon = service.load(file.toString(), new DataOptions(null, 0, 1, Task.CLASSIFICATION, "none",
                new TableOptions(';', null, List.of("auto"), null)));
        assertEquals(List.of("a,b=1,2", "a,b=3,4"), bySemicolon.train().featureNames());
    }

    @Test
    void aFileTooBigForTheHeapIsRefusedAfterItsFirstRowsWithTheFigures() throws IOException {
        StringBuilder table = new StringBuilder("a,b,y\n");
        for (int i = 0; i < CsvTable.HEAP_CHECK_ROWS * 4; i++) {
            table.append(i % 7).append(",1.5,").append(i % 2).append('\n');
        }
        Path file = Files.writeString(dir.resolve("big.csv"), table);
        CsvTable.Rule[] numbers = {CsvTable.Rule.numbers(null, ""), CsvTable.Rule.numbers(null, ""), CsvTable.Rule.numbers(null, "")};
        String refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CsvTable.read(file, ',', (h, w) -> numbers, 10_000_000)).getMessage();
        assertTrue(refused.matches("big\\.csv: about 26\\d{4} rows of 3 columns need about 12 MB as numbers, read then split;"
                + " more than the heap can hold \\(10 MB; set DENDRITE_OPTS=-Xmx2g\\)"), refused);
        assertEquals(CsvTable.HEAP_CHECK_ROWS * 4, CsvTable.read(file, ',', (h, w) -> numbers, 20_000_000).rows(), "12.6 MB fit in 20 MB");
        StringBuilder wide = new StringBuilder("y");
        for (int c = 0; c < 5000; c++) {
            wide.append(",c").append(c);
        }
        for (int r = 0; r < 1100; r++) {
            wide.append("\n0").append(",1.5".repeat(5000));
        }
        Path wideFile = Files.writeString(dir.resolve("wide.csv"), wide);
        CsvTable.Rule[] wideNumbers = new CsvTable.Rule[5001];
        java.util.Arrays.fill(wideNumbers, CsvTable.Rule.numbers(null, ""));
        String message = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CsvTable.read(wideFile, ',', (h, w) -> wideNumbers, 50_000_000)).getMessage();
        assertTrue(message.startsWith("wide.csv: about 1100 rows of 5001 columns need about 8"), "checked after 1 024 rows: " + message);
    }

    @Test
    void namesFromTheFileAreShownBoundedAndARecordHasAtMost100000Fields() throws IOException {
        String longName = "n".repeat(5000);
        assertMessage("t.csv line 2, column 1 (" + "n".repeat(60) + "… (5000 characters)): 'x' is not a number (a text column is"
                + " one-hot encoded with --categorical " + "n".repeat(60) + "… (5000 characters) or --categorical auto)",
                () -> load(longName + ",y\nx,0\n", Missing.ERROR, List.of()));
        assertMessage("t.csv line 2, column 2 (c): a text of 10001 characters; a category or class label has at most 10000",
                () -> load("a,c,y\n1," + "x".repeat(10_001) + ",0\n", Missing.ERROR, List.of("auto")));
        assertMessage("t.csv line 1 has more than 100000 fields", () -> load("a,".repeat(100_001) + "y\n1\n", Missing.ERROR, List.of()));
    }

    private DataSplit load(String table, Missing missing, List<String> categorical) throws IOException {
        Path file = Files.writeString(dir.resolve("t.csv"), table);
        return service.load(file.toString(), new DataOptions(null, 0, 1, null, "none", new TableOptions(null, missing, categorical, null)));
    }

    /** The feature's row of X in file order (the split shuffles the samples; the schema's fills are used to undo nothing). */
    private static double[] row(DataSet set, String feature, DataSplit split) {
        int r = set.featureNames().indexOf(feature);
        double[] values = new double[set.samples()];
        int[] order = fileOrder(split);
        for (int j = 0; j < values.length; j++) {
            values[order[j]] = set.x().get(r, j);
        }
        return values;
    }

    /** The file row of each training sample, found from the size feature, which differs in every row but the filled ones. */
    private static int[] fileOrder(DataSplit split) {
        DataSet train = split.train();
        int r = train.featureNames().indexOf("size");
        double fill = split.columns().get(0).fill();
        double[] sizes = {1, 2, fill, 4, 5, fill};
        int[] order = new int[train.samples()];
        boolean[] used = new boolean[sizes.length];
        for (int j = 0; j < order.length; j++) {
            double size = train.x().get(r, j);
            double blue = train.x().get(train.featureNames().indexOf("colour=blue"), j);
            for (int i = 0; i < sizes.length; i++) {
                boolean sameBlue = i == 5 ? blue == 1 : i == 2 ? blue == 0 : true;
                if (!used[i] && sizes[i] == size && sameBlue) {
                    used[i] = true;
                    order[j] = i;
                    break;
                }
            }
        }
        return order;
    }
}
