package dev.dendrite.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --out FOLDER|none}: where a demo writes its plots; made before the demo runs, so a folder that cannot be is refused at once. */
public final class PlotFolder {

    /** The folder when {@code --out} is not given, under the platform's home. */
    public static final String DEFAULT = "plots";

    public static final Option<String> OUT = Option.text("out", "FOLDER",
                    "folder for the plots (a relative one is taken from the working directory); none writes no files")
            .completion(Completion.FILE).defaultText(DEFAULT + " in the platform's home");

    private PlotFolder() {
    }

    /**
     * The folder given, or {@value #DEFAULT} under {@code home}, created if missing; null for {@code none}.
     *
     * @param home the platform's home (where every file the platform writes goes by default)
     * @throws CommandException when it cannot be created
     */
    public static Path of(Arguments arguments, Path home) {
        String out = arguments.get(OUT, null);
        if ("none".equals(out)) {
            return null;
        }
        try {
            return Files.createDirectories(out == null ? home.resolve(DEFAULT) : Path.of(out));
        } catch (IOException | RuntimeException e) {
            throw new CommandException(OUT.flagName() + ": cannot create the folder '" + out + "': " + e.getMessage(), e);
        }
    }
}
