package dev.dendrite.uat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class PlotWriterTest {

    private static final List<Integer> WIDTHS = List.of(1, 2, 4, 8, 16, 32, 64);

    @TempDir
    Path folder;

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(file))));
    }

    /** The series groups ({@code <g class="series">}) by id, in document order. */
    private static List<Element> series(Document svg) {
        NodeList groups = svg.getElementsByTagName("g");
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ("series".equals(g.getAttribute("class"))) {
                found.add(g);
            }
        }
        return found;
    }

    private static List<String> ids(List<Element> groups) {
        return groups.stream().map(g -> g.getAttribute("id")).toList();
    }

    private static String[] points(Element g) {
        Element polyline = (Element) g.getElementsByTagName("polyline").item(0);
        return polyline.getAttribute("points").split(" ");
    }

    @Test
    void writesCurvesForSeveralWidthsAndTheErrorPlot() throws Exception {
        UatReport report = TestReports.wiggly(Target.named("sin"), WIDTHS);
        PlotWriter.Written written = PlotWriter.write(report, folder);

        assertEquals(List.of(), written.notes());
        assertEquals(List.of(folder.resolve("sin-fit.svg"), folder.resolve("sin-fit.png"),
                folder.resolve("sin-error.svg"), folder.resolve("sin-error.png")), written.files());

        List<Element> fit = series(parse(folder.resolve("sin-fit.svg")));
        assertEquals(List.of("target", "width-1", "width-4", "width-16", "width-64"), ids(fit));
        for (Element g : fit) {
            assertEquals(1000, points(g).length, g.getAttribute("id"));
        }

        List<Element> errors = series(parse(folder.resolve("sin-error.svg")));
        assertEquals(List.of("max-error", "rms-error"), ids(errors));
        for (Element g : errors) {
            assertEquals(WIDTHS.size(), g.getElementsByTagName("circle").getLength());
            String[] pts = points(g);
            assertEquals(WIDTHS.size(), pts.length);
            for (int i = 1; i < pts.length; i++) { // errors fall with width: further right, further down
                String[] a = pts[i - 1].split(",");
                String[] b = pts[i].split(",");
                assertTrue(Double.parseDouble(b[0]) > Double.parseDouble(a[0]), pts[i]);
                assertTrue(Double.parseDouble(b[1]) > Double.parseDouble(a[1]), pts[i]);
            }
        }
    }

    @Test
    void pngsDecodeAndShowTheCurves() throws Exception {
        UatReport report = TestReports.wiggly(Target.named("abs"), WIDTHS);
        PlotWriter.write(report, folder);
        BufferedImage fit = ImageIO.read(folder.resolve("abs-fit.png").toFile());
        assertNotNull(fit);
        FitFigure figure = new FitFigure(report);
        assertEquals(figure.width(), fit.getWidth());
        assertEquals(figure.height(), fit.getHeight());
        assertTrue(count(fit, 0x1f77b4) > 200, "pixels of the width-64 curve");
        assertTrue(count(fit, 0xd62728) > 200, "pixels of the width-1 curve");
        BufferedImage error = ImageIO.read(folder.resolve("abs-error.png").toFile());
        assertNotNull(error);
        assertTrue(count(error, 0x1f77b4) > 100, "pixels of the RMS series");
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void drawsHeatMapsForTwoVariables() throws Exception {
        UatReport report = TestReports.wiggly(Target.named("sincos2d"), List.of(2, 8, 32));
        PlotWriter.write(report, folder);
        Document svg = parse(folder.resolve("sincos2d-fit.svg"));
        List<Element> panels = series(svg);
        assertEquals(List.of("target", "width-2", "width-8", "width-32"), ids(panels));
        for (Element g : panels) {
            assertEquals(40 * 40, g.getElementsByTagName("rect").getLength());
        }
        assertNotNull(ImageIO.read(folder.resolve("sincos2d-fit.png").toFile()));
    }

    @Test
    void heatMapColoursRunFromBlueThroughWhiteToRed() {
        assertEquals("#3b4cc0", HeatmapFigure.color(-1, -1, 1));
        assertEquals("#f2f2f2", HeatmapFigure.color(0, -1, 1));
        assertEquals("#b40426", HeatmapFigure.color(1, -1, 1));
        assertEquals("#b40426", HeatmapFigure.color(7, -1, 1));
    }

    @Test
    void reportsAFolderThatCannotBeCreated() throws IOException {
        Path file = Files.writeString(folder.resolve("taken"), "x");
        UatReport report = TestReports.wiggly(Target.named("sin"), List.of(1));
        assertThrows(IOException.class, () -> PlotWriter.write(report, file.resolve("sub")));
    }
}
