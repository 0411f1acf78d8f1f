package dev.dendrite.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class LineChartTest {

    private static final double[] X = {1, 2, 3, 4, 5};

    @Test
    void eachSeriesIsANamedGroupWithItsPoints() throws Exception {
        LineChart chart = new LineChart("Loss", "epoch", "J")
                .add(LineChart.Series.line("train", "training", X, new double[] {5, 4, 3, 2, 1}, LineChart.COLORS.get(0)))
                .add(LineChart.Series.line("val", "validation", X, new double[] {6, 5, 4, 3.5, 3.4}, LineChart.COLORS.get(1)).withDashes());
        Document svg = Svg.parse(Plots.svg(chart));
        List<Element> groups = Svg.series(svg);
        assertEquals(List.of("train", "val"), groups.stream().map(g -> g.getAttribute("id")).toList());
        assertEquals("training", groups.get(0).getElementsByTagName("title").item(0).getTextContent());
        List<double[]> train = Svg.lines(groups.get(0)).get(0);
        assertEquals(5, train.size());
        for (int i = 1; i < train.size(); i++) {
            assertTrue(train.get(i)[0] > train.get(i - 1)[0], "x grows to the right");
            assertTrue(train.get(i)[1] > train.get(i - 1)[1], "falling values go down the picture");
        }
        Element valLine = (Element) groups.get(1).getElementsByTagName("polyline").item(0);
        assertEquals("6 4", valLine.getAttribute("stroke-dasharray"));
        assertTrue(svg.getDocumentElement().getTextContent().contains("validation"), "the legend names the series");
    }

    @Test
    void missingValuesBreakTheLine() throws Exception {
        LineChart chart = new LineChart("t", "x", "y")
                .add(LineChart.Series.line("s", "s", X, new double[] {1, 2, Double.NaN, 4, 5}, "#000000"));
        List<List<double[]>> lines = Svg.lines(Svg.series(Svg.parse(Plots.svg(chart))).get(0));
        assertEquals(2, lines.size());
        assertEquals(2, lines.get(0).size());
        assertEquals(2, lines.get(1).size());
    }

    @Test
    void logAxesLeaveOutNonPositiveValuesAndSpanDecades() throws Exception {
        LineChart chart = new LineChart("t", "x", "y").yScale(LineChart.Scale.LOG)
                .add(LineChart.Series.line("s", "s", X, new double[] {0.5, 0.05, 0, 0.005, 0.002}, "#000000").withMarkers());
        Document svg = Svg.parse(Plots.svg(chart));
        Element group = Svg.series(svg).get(0);
        assertEquals(4, group.getElementsByTagName("circle").getLength());
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("1e-3") && text.contains("1"), text);
    }

    @Test
    void errorBarsSpanLowToHigh() throws Exception {
        LineChart chart = new LineChart("t", "x", "y").add(LineChart.Series.line("s", "s", new double[] {1, 2},
                new double[] {0.5, 0.6}, "#000000").withMarkers().withBars(new double[] {0.4, 0.55}, new double[] {0.7, 0.65}));
        Element group = Svg.series(Svg.parse(Plots.svg(chart))).get(0);
        assertEquals(2 * 3, group.getElementsByTagName("line").getLength(), "a bar and two caps per point");
        Element bar = (Element) group.getElementsByTagName("line").item(0);
        double y1 = Double.parseDouble(bar.getAttribute("y1"));
        double y2 = Double.parseDouble(bar.getAttribute("y2"));
        double dot = Double.parseDouble(((Element) group.getElementsByTagName("circle").item(0)).getAttribute("cy"));
        assertTrue(y1 > dot && dot > y2, "the bar runs from below the point (low) to above it (high)");
    }

    @Test
    void pointsAreDotsWithoutALine() throws Exception {
        LineChart chart = new LineChart("t", "x", "y").add(LineChart.Series.points("s", "s", X, X, "#000000"));
        Element group = Svg.series(Svg.parse(Plots.svg(chart))).get(0);
        assertEquals(0, group.getElementsByTagName("polyline").getLength());
        assertEquals(X.length, group.getElementsByTagName("circle").getLength());
    }

    @Test
    void rejectsSeriesOfUnequalLength() {
        assertEquals("series s: 2 x values for 3 y values", assertThrows(IllegalArgumentException.class,
                () -> LineChart.Series.line("s", "s", new double[2], new double[3], "#000000")).getMessage());
    }

    @Test
    void figuresInARowSitSideBySide() throws Exception {
        LineChart left = new LineChart("a", "x", "y").size(300, 200).add(LineChart.Series.line("a", "a", X, X, "#000000"));
        LineChart right = new LineChart("b", "x", "y").size(300, 250).add(LineChart.Series.line("b", "b", X, X, "#000000"));
        Figure row = Figure.row(List.of(left, right));
        assertEquals(600, row.width());
        assertEquals(250, row.height());
        List<Element> groups = Svg.series(Svg.parse(Plots.svg(row)));
        double aFirst = Svg.lines(groups.get(0)).get(0).get(0)[0];
        double bFirst = Svg.lines(groups.get(1)).get(0).get(0)[0];
        assertEquals(300, bFirst - aFirst, 1e-9, "the second chart is shifted by the first one's width");
    }
}
