package dev.dendrite.depth;

import dev.dendrite.nn.LocalPlugins;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.testing.ComponentDescriptors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class DepthCommandTest {

    private static DepthSettings small(DepthTask task, int seeds) {
        return new DepthSettings(task, 120, List.of(1, 2, 3), seeds, 15, "relu", "adam", 0.01, 32, 120, 7, 2, null);
    }

    private static String run(DepthSettings settings, Path folder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DepthCommand(LocalPlugins.trainer()).execute(settings, folder, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The polylines' and dots' point counts of each series group, by id. */
    private static Map<String, int[]> series(Path svg) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(svg))));
        NodeList groups = doc.getElementsByTagName("g");
        Map<String, int[]> found = new TreeMap<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            NodeList lines = g.getElementsByTagName("polyline");
            int points = 0;
            for (int k = 0; k < lines.getLength(); k++) {
                points += ((Element) lines.item(k)).getAttribute("points").split(" ").length;
            }
            found.put(g.getAttribute("id"), new int[] {points, g.getElementsByTagName("circle").getLength()});
        }
        return found;
    }

    @Test
    void printsOneRowPerDepthAVerdictTheCurvesAndWritesThePlots(@TempDir Path folder) throws Exception {
        DepthSettings settings = small(DepthTask.SPIRALS, 2);
        String out = run(settings, folder);

        List<String[]> rows = new ArrayList<>();
        for (String line : out.lines().toList()) {
            if (line.matches(" +\\d +[0-9,]+ +\\d+ +\\d+ +[0-9.]+ ± [0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+")) {
                rows.add(line.trim().split(" +"));
            }
        }
        assertEquals(3, rows.size(), out);
        List<Architecture> compared = DepthStudy.architectures(settings);
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            assertEquals(String.valueOf(i + 1), row[0]);
            assertEquals(compared.get(i).widths(), row[1]);
            long parameters = Long.parseLong(row[2]);
            assertEquals(compared.get(i).parameters(), parameters);
            assertTrue(Math.abs(parameters - 120) <= 6, "within 5 % of the budget: " + parameters);
            double mean = Double.parseDouble(row[4]);
            assertTrue(mean >= Double.parseDouble(row[7]) && mean <= Double.parseDouble(row[8]), "mean between min and max");
            assertTrue(mean > 0.3 && mean <= 1, "an accuracy: " + mean);
        }
        assertTrue(out.contains("best: ") || out.contains("no deeper network beat 1 hidden layer"), out);
        assertTrue(out.contains("validation accuracy per epoch, mean of 2 seeds"), out);

        Path svg = folder.resolve("depth-spirals.svg");
        assertTrue(out.contains("plot " + svg), out);
        Map<String, int[]> series = series(svg);
        assertEquals(0, series.get("seeds")[0], "seeds are dots");
        assertEquals(3 * 2, series.get("seeds")[1], "one dot per depth and seed");
        assertEquals(3, series.get("mean")[0]);
        assertEquals(3, series.get("mean")[1]);
        for (int depth = 1; depth <= 3; depth++) {
            assertEquals(15, series.get("depth-" + depth)[0], "a point per epoch");
        }
        assertNotNull(ImageIO.read(folder.resolve("depth-spirals.png").toFile()));
    }

    @Test
    void theSameSeedsGiveTheSameTableWhateverTheThreads() {
        DepthSettings one = new DepthSettings(DepthTask.SAWTOOTH, 100, List.of(1, 2), 2, 5, "relu", "adam", 0.01, 32, 50, 3, 1, null);
        DepthSettings two = new DepthSettings(DepthTask.SAWTOOTH, 100, List.of(1, 2), 2, 5, "relu", "adam", 0.01, 32, 50, 3, 2, null);
        String a = run(one, null).replaceAll(" +[0-9.]+\\n", "\n");
        String b = run(two, null).replaceAll(" +[0-9.]+\\n", "\n");
        assertEquals(a, b, "only the times differ");
        assertTrue(a.contains("val mse mean ± sd"), a);
        assertFalse(a.contains("plot "), "no folder, no files");
    }

    @Test
    void verdictMeasuresTheGapByTheSpread() {
        DepthSettings s = small(DepthTask.SPIRALS, 2);
        DepthReport.Row shallow = row(1, 0.70, 0.74);
        DepthReport.Row deep = row(3, 0.98, 0.99);
        assertEquals("best: 3 hidden layers, accuracy 0.9850 ± 0.0071, against 0.7200 ± 0.0283 with 1: a gap of 0.2650,"
                + " 9.4 times the larger seed-to-seed spread", DepthCommand.verdict(new DepthReport(s, List.of(shallow, deep))));
        assertEquals("best: 3 hidden layers, accuracy 0.7300 ± 0.0141, against 0.7200 ± 0.0283 with 1: a gap of 0.0100,"
                + " within the seed-to-seed spread: no clear difference",
                DepthCommand.verdict(new DepthReport(s, List.of(shallow, row(3, 0.72, 0.74)))));
        assertEquals("best: 3 hidden layers, accuracy 0.9800 ± 0.0000, against 0.7000 ± 0.0000 with 1: a gap of 0.2800,"
                + " one seed per depth: no spread to measure it by",
                DepthCommand.verdict(new DepthReport(small(DepthTask.SPIRALS, 1), List.of(row(1, 0.70), row(3, 0.98)))));
        assertEquals("no deeper network beat 1 hidden layer here (accuracy 0.7200 ± 0.0283)",
                DepthCommand.verdict(new DepthReport(s, List.of(shallow, row(2, 0.60, 0.62)))));
    }

    private static DepthReport.Row row(int depth, double... metrics) {
        List<DepthReport.Run> runs = new ArrayList<>();
        for (double m : metrics) {
            runs.add(new DepthReport.Run(runs.size(), m, new double[] {m}, 1));
        }
        return new DepthReport.Row(new Architecture(2, java.util.Collections.nCopies(depth, 4), 1), runs);
    }

    @Test
    void rejectsBadSettings() {
        assertEquals("--depths must be distinct numbers of hidden layers from 1 to 9, got [1, 1]", assertThrows(IllegalArgumentException.class,
                () -> new DepthSettings(DepthTask.SPIRALS, 100, List.of(1, 1), 1, 1, "relu", "adam", 0.01, 32, 50, 1, 1, null)).getMessage());
        assertEquals("--depths must be comma-separated numbers of hidden layers, e.g. 1,2,3,4; got '1,x'",
                assertThrows(IllegalArgumentException.class, () -> DepthSettings.parseDepths("1,x")).getMessage());
        assertEquals("--seeds must be positive, got 0", assertThrows(IllegalArgumentException.class,
                () -> new DepthSettings(DepthTask.SPIRALS, 100, List.of(1), 0, 1, "relu", "adam", 0.01, 32, 50, 1, 1, null)).getMessage());
    }

    @Test
    void everyOptionIsDescribedAndRegisteredAsMlDepth() {
        Method depth = Arrays.stream(DepthCommand.class.getMethods()).filter(m -> m.getName().equals("depth")).findFirst().orElseThrow();
        assertNotNull(depth.getAnnotation(Descriptor.class));
        for (java.lang.reflect.Parameter p : depth.getParameters()) {
            assertNotNull(p.getAnnotation(Descriptor.class), p.toString());
            assertTrue(p.getAnnotation(Parameter.class).names()[0].startsWith("--"));
        }
        List<ComponentDescriptors.Descriptor> commands = ComponentDescriptors.providing(Object.class, DepthCommand.class);
        assertEquals(1, commands.size());
        assertEquals("ml", commands.get(0).properties().get("osgi.command.scope"));
        assertEquals("depth", commands.get(0).properties().get("osgi.command.function"));
    }
}
