package dev.dendrite.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotFolderTest {
    private static final CommandSyntax DEMO = CommandSyntax.command("ml:demo", "a demo").option(PlotFolder.OUT).build();

    @TempDir
    Path dir;

    @Test
    void withoutOutThePlotsGoToPlotsInTheHome() {
        Path folder = PlotFolder.of(DEMO.parse(List.of()), dir);

        assertEquals(dir.resolve("plots"), folder);
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void outNamesTheFolderAndNoneWritesNothing() {
        Path given = dir.resolve("elsewhere/figures");
        assertEquals(given, PlotFolder.of(DEMO.parse(List.of("--out", given.toString())), dir.resolve("home")));
        assertTrue(Files.isDirectory(given));
        assertNull(PlotFolder.of(DEMO.parse(List.of("--out", "none")), dir));
    }

    @Test
    void aFolderThatCannotBeMadeIsRefusedByName() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CommandException e = assertThrows(CommandException.class,
                () -> PlotFolder.of(DEMO.parse(List.of("--out", file.resolve("plots").toString())), dir));
        assertTrue(e.getMessage().startsWith("--out: cannot create the folder"), e.getMessage());
    }
}
