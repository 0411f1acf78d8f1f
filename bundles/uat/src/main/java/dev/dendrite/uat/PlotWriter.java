package dev.dendrite.uat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a report's pictures into a folder: {@code NAME-fit.svg} (target and fits: curves in 1-D,
 * heat maps in 2-D) and {@code NAME-error.svg} (errors against width, log–log), each also as PNG
 * when java.awt and javax.imageio are usable; otherwise PNG is skipped with a note.
 */
final class PlotWriter {

    private PlotWriter() {
    }

    /** What was written, and why anything was skipped. */
    record Written(List<Path> files, List<String> notes) {
    }

    static Written write(UatReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        String stem = fileStem(report.settings().target().name());
        Figure fit = report.grid().dimensions() == 1 ? new FitFigure(report) : new HeatmapFigure(report);
        List<Path> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, Figure> entry : List.<Map.Entry<String, Figure>>of(Map.entry("-fit", fit), Map.entry("-error", new ErrorFigure(report)))) {
            String name = stem + entry.getKey();
            Figure figure = entry.getValue();
            Path svg = folder.resolve(name + ".svg");
            writeAtomically(svg, svg(figure).getBytes(StandardCharsets.UTF_8));
            files.add(svg);
            if (notes.isEmpty()) { // once PNG failed, do not try again
                Path png = folder.resolve(name + ".png");
                try {
                    PngCanvas.render(figure, png);
                    files.add(png);
                } catch (LinkageError | RuntimeException | IOException e) {
                    notes.add("PNG skipped: java.awt/javax.imageio not usable here (" + e + ")");
                }
            }
        }
        return new Written(files, notes);
    }

    /** The figure as an SVG document. */
    static String svg(Figure figure) {
        SvgCanvas canvas = new SvgCanvas(figure.width(), figure.height());
        figure.draw(canvas);
        return canvas.document();
    }

    /** A safe file name from a target name or expression: {@code sin(x)*y} gives {@code sin_x_y}. */
    static String fileStem(String name) {
        String s = name.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            return "expr";
        }
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
