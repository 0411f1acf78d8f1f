package dev.dendrite.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    @TempDir
    Path folder;

    private static LineChart chart() {
        return new LineChart("a & b <c>", "x", "y")
                .add(LineChart.Series.line("s", "series \"s\"", new double[] {0, 1}, new double[] {0, 1}, "#d62728"));
    }

    @Test
    void writesSvgAndPngIntoNewFolders() throws Exception {
        Path svg = folder.resolve("sub/dir/chart.svg");
        Plots.writeSvg(chart(), svg);
        String text = Files.readString(svg);
        assertEquals("a & b <c>", Svg.parse(text).getElementsByTagName("text").item(0).getTextContent(),
                "the title, escaped, parses back");
        assertTrue(text.contains("a &amp; b &lt;c&gt;"), text);
        Path png = folder.resolve("sub/dir/chart.png");
        assertEquals(Optional.empty(), Plots.writePng(chart(), png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertEquals(660, image.getWidth());
        int red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                red += (image.getRGB(x, y) & 0xffffff) == 0xd62728 ? 1 : 0;
            }
        }
        assertTrue(red > 100, "pixels of the series: " + red);
        try (var files = Files.list(svg.getParent())) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void reportsAFolderThatCannotBeCreated() throws IOException {
        Path file = Files.writeString(folder.resolve("taken"), "x");
        assertThrows(IOException.class, () -> Plots.writeSvg(chart(), file.resolve("sub/chart.svg")));
        assertTrue(Plots.writePng(chart(), file.resolve("sub/chart.png")).orElseThrow().startsWith("PNG skipped"));
    }

    @Test
    void fileNamesAreSafe() {
        assertEquals("sin", Plots.fileStem("sin"));
        assertEquals("exp_x_2_cos_3_x", Plots.fileStem("exp(-x^2)*cos(3*x)"));
        assertEquals("expr", Plots.fileStem("-(-)"));
    }
}
