package dev.dendrite.uat;

import dev.dendrite.plot.Figure;
import dev.dendrite.plot.Plots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        String stem = Plots.fileStem(report.settings().target().name());
        Figure fit = report.grid().dimensions() == 1 ? new FitFigure(report) : new HeatmapFigure(report);
        List<Path> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, Figure> entry : List.<Map.Entry<String, Figure>>of(Map.entry("-fit", fit), Map.entry("-error", ErrorFigure.of(report)))) {
            String name = stem + entry.getKey();
            Figure figure = entry.getValue();
            Path svg = folder.resolve(name + ".svg");
            Plots.writeSvg(figure, svg);
            files.add(svg);
            if (notes.isEmpty()) { // once PNG failed, do not try again
                Path png = folder.resolve(name + ".png");
                Plots.writePng(figure, png).ifPresentOrElse(notes::add, () -> files.add(png));
            }
        }
        return new Written(files, notes);
    }
}
