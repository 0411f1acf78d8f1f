package dev.dendrite.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Writing figures to files. Each file is written to a temporary file beside it and then moved
 * over it atomically, so a reader never sees half a picture; missing folders are created.
 */
public final class Plots {

    private Plots() {
    }

    /** The figure as a standalone SVG document. */
    public static String svg(Figure figure) {
        SvgCanvas canvas = new SvgCanvas(figure.width(), figure.height());
        figure.draw(canvas);
        return canvas.document();
    }

    /** Writes the figure as SVG to {@code file}. */
    public static void writeSvg(Figure figure, Path file) throws IOException {
        writeAtomically(file, svg(figure).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the figure as PNG to {@code file} when java.awt and javax.imageio are usable here.
     *
     * @return empty when written, otherwise why PNG was skipped (nothing is written then)
     */
    public static Optional<String> writePng(Figure figure, Path file) {
        Path tmp = temporary(file);
        try {
            createParent(file);
            PngCanvas.render(figure, tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        } catch (LinkageError | RuntimeException | IOException e) {
            deleteQuietly(tmp);
            return Optional.of("PNG skipped: java.awt/javax.imageio not usable here (" + e + ")");
        }
    }

    /** A safe file name from a name or an expression: {@code sin(x)*y} gives {@code sin_x_y}; at most 40 characters. */
    public static String fileStem(String name) {
        String s = name.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            return "expr";
        }
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        createParent(file);
        Path tmp = temporary(file);
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the write itself succeeded or already failed with its own exception
        }
    }
}
