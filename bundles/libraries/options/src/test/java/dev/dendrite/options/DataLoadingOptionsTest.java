package dev.dendrite.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.api.data.TableOptions;
import dev.dendrite.api.data.TableOptions.Missing;
import dev.dendrite.api.data.TableOptions.Unseen;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLoadingOptionsTest {

    @Test
    void eachDelimiterIsReadByNameOrByItselfAndWrittenByName() {
        for (String[] spelling : new String[][] {{",", "comma"}, {";", "semicolon"}, {"\t", "tab"}, {"|", "pipe"}}) {
            char d = DataLoadingOptions.DELIMITER.read(spelling[0]);
            assertEquals(d, DataLoadingOptions.DELIMITER.read(spelling[1]));
            assertEquals(d, DataLoadingOptions.DELIMITER.read(spelling[1].toUpperCase()));
            assertEquals(spelling[1], DataLoadingOptions.DELIMITER.write(d));
        }
        assertEquals('\t', DataLoadingOptions.DELIMITER.read("\\t"));
        assertEquals("--delimiter: must be comma, semicolon, tab or pipe (or , ; |), got ':'",
                assertThrows(CommandException.class, () -> DataLoadingOptions.DELIMITER.read(":")).getMessage());
    }

    @Test
    void missingCategoricalAndUnseenAreReadIntoTheTableOptions() {
        Arguments arguments = CommandSyntax.command("t", "t").options(DataLoadingOptions.all()).build()
                .parse(List.of("--delimiter", "semicolon", "--missing", "MOST_FREQUENT", "--categorical", "colour, city",
                    "--unseen", "zeros"));
        assertEquals(new TableOptions(';', Missing.MOST_FREQUENT, List.of("colour", "city"), Unseen.ZEROS),
                DataLoadingOptions.table(arguments));
        assertEquals(TableOptions.DEFAULTS, DataLoadingOptions.table(CommandSyntax.command("t", "t")
                .options(DataLoadingOptions.all()).build().parse(List.of())));
        assertEquals(List.of("auto"), DataLoadingOptions.CATEGORICAL.read("auto"));
    }

    @Test
    void tableOptionsAreDescribedByNameAndReadBack() {
        assertEquals(java.util.Map.of(), DataLoadingOptions.describe(TableOptions.DEFAULTS), "the defaults need no words");
        TableOptions table = new TableOptions('\t', Missing.MOST_FREQUENT, List.of("colour", "size"), Unseen.ZEROS);
        java.util.Map<String, String> described = DataLoadingOptions.describe(table);
        assertEquals("{delimiter=tab, missing=most_frequent, categorical=colour,size, unseen=zeros}", described.toString());
        assertEquals(table, DataLoadingOptions.table(described));
        assertEquals("'lr' is not a table option",
                assertThrows(IllegalArgumentException.class, () -> DataLoadingOptions.table(java.util.Map.of("lr", "0.1"))).getMessage());
        assertEquals("--missing: must be error, drop, mean, median or most_frequent, got 'zero'",
                assertThrows(IllegalArgumentException.class, () -> DataLoadingOptions.table(java.util.Map.of("missing", "zero"))).getMessage());
    }

    @Test
    void badValuesAreNamedWithTheirOption() {
        assertEquals("--missing: must be error, drop, mean, median or most_frequent, got 'zero'",
                assertThrows(CommandException.class, () -> DataLoadingOptions.MISSING.read("zero")).getMessage());
        assertEquals("--unseen: must be error or zeros, got 'ignore'",
                assertThrows(CommandException.class, () -> DataLoadingOptions.UNSEEN.read("ignore")).getMessage());
        assertEquals("--categorical: is auto or a list of columns, not both",
                assertThrows(CommandException.class, () -> DataLoadingOptions.CATEGORICAL.read("auto,colour")).getMessage());
        assertEquals("--categorical: names a column twice: 'a,a'",
                assertThrows(CommandException.class, () -> DataLoadingOptions.CATEGORICAL.read("a,a")).getMessage());
        assertEquals("--categorical: needs column names separated by commas, or auto, got 'a,,b'",
                assertThrows(CommandException.class, () -> DataLoadingOptions.CATEGORICAL.read("a,,b")).getMessage());
    }
}
