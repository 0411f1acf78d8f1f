package dev.dendrite.plot;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Reading back what {@link SvgCanvas} wrote, with a real XML parser. */
final class Svg {

    private Svg() {
    }

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    /** The series groups ({@code <g class="series">}) in document order. */
    static List<Element> series(Document svg) {
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

    /** The points of every polyline of a group, as (x, y) pairs. */
    static List<List<double[]>> lines(Element g) {
        List<List<double[]>> lines = new ArrayList<>();
        NodeList polylines = g.getElementsByTagName("polyline");
        for (int i = 0; i < polylines.getLength(); i++) {
            List<double[]> points = new ArrayList<>();
            for (String p : ((Element) polylines.item(i)).getAttribute("points").split(" ")) {
                String[] xy = p.split(",");
                points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
            }
            lines.add(points);
        }
        return lines;
    }
}
