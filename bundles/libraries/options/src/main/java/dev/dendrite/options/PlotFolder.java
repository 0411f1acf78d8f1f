package dev.dendrite.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --out FOLDER|none}: where a demo writes its plots; made before the demo runs, so a folder that cannot be is refused at once. */
public final class PlotFolder {

    /** The folder when {@code --out} is not given, relative to the working directory. */
    public static final String DEFAULT = "plots";

    public static final Option<String> OUT = Option.text("out", "FOLDER", "folder for the plots; none writes no files")
            .completion(Completion.FILE).defaultText(DEFAULT);

    private PlotFolder() {
    }

    /**
     * The folder given (or the default), created if missing; null for {@code none}.
     *
     * @throws CommandException when it cannot be created
     */
    public static Path of(Arguments arguments) {
        String out = arguments.get(OUT, DEFAULT);
        if (out.equals("none")) {
            return null;
        }
        try {
            return Files.createDirectories(Path.of(out));
        } catch (IOException | RuntimeException e) {
            throw new CommandException(OUT.flagName() + ": cannot create the folder '" + out + "': " + e.getMessage(), e);
        }
    }
}
