package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A messy real-world table through the packaged launcher, as a user runs it: train, save, predict, evaluate. */
class TablesIT {

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private Run dendrite(Path home, String commands) throws IOException, InterruptedException {
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        List<String> command = Dendrite.command("--home", home.toString(), "-c", commands);
        command.add(command.indexOf("-jar"), "-Xmx1g");
        Process process = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "dendrite did not exit within 120 s");
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err).replaceAll(Dendrite.INCUBATOR_NOTE, ""));
    }

    /**
     * 300 rows separated by ';' (CRLF) with NA, '?' and empty cells, a quoted text column and a
     * class that depends on both: trains with mean fills and a one-hot
     * colour to a high accuracy, then predicts a comma-separated file with a gap and an unseen colour.
     */
    @Test
    void aSemicolonFileWithMissingValuesAndATextColumnTrainsAndPredicts() throws Exception {
        Path home = Dendrite.privateDistribution(tmp);
        StringBuilder table = new StringBuilder("size;colour;label\r\n");
        String[] colours = {"red", "blue", "green"};
        for (int i = 0; i < 300; i++) {
            String colour = colours[i % 3];
            double size = (i * 37 % 100) / 10.0;
            String sizeCell = i % 17 == 0 ? "NA" : i % 23 == 0 ? "" : i % 29 == 0 ? "?" : Double.toString(size);
            String label = colour.equals("red") || size > 5 && colour.equals("blue") ? "yes" : "no";
            table.append(sizeCell).append(';').append('"').append(colour).append('"').append(';')
                    .append(label).append("\r\n");
        }
        Files.writeString(tmp.resolve("messy.csv"), table);
        Files.writeString(tmp.resolve("new.csv"), "label,colour,size\nno,red,1.5\nno,blue,NA\nno,purple,9\n");

        Run trained = dendrite(home, "ml:train --missing mean --categorical colour --layers 8 --epochs 300 --lr 0.3 --batch all"
                + " --target label --save messy messy.csv");
        assertEquals(0, trained.status(), trained.err() + trained.out());
        assertTrue(trained.out().contains("data messy.csv: 240 training, 60 validation samples; 4 features; 2 classes (no, yes)"),
                trained.out());
        assertTrue(trained.out().matches("(?s).*validation loss \\S+  accuracy (0\\.9\\d*|1\\.0+) .*"), trained.out());
        assertTrue(trained.out().matches("(?s).*\ncolumns: size missing → \\d\\.\\d{4}; colour one-hot \\(3: blue, green, red\\),"
                + " missing → (blue|green|red)\n.*"), trained.out());

        Run refused = dendrite(home, "ml:predict messy new.csv");
        assertEquals(1, refused.status());
        assertEquals("error: new.csv line 4, column 2 (colour): category 'purple' was not seen in training (known: blue, green, red);"
                + " --unseen zeros encodes it as none of them\n", refused.err());

        Run predicted = dendrite(home, "ml:predict --unseen zeros messy new.csv");
        assertEquals(0, predicted.status(), predicted.err());
        List<String> lines = predicted.out().lines().toList();
        assertEquals(3, lines.size(), predicted.out());
        assertEquals("yes", lines.get(0), "a red one is yes whatever its size");

        Run missingNotFilled = dendrite(home, "ml:train --categorical colour --target label messy.csv");
        assertEquals(1, missingNotFilled.status());
        assertEquals("error: messy.csv line 2, column 1 (size): missing value 'NA' (--missing drop, mean, median or most_frequent"
                + " handles missing values)\n", missingNotFilled.err());
    }
}
