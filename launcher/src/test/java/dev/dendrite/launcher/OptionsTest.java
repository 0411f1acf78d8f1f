package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void noArgumentsMeansTheInteractiveShellOnTheDefaultFeature() {
        Options options = Options.parse();

        assertFalse(options.help());
        assertNull(options.home());
        assertEquals(List.of(Options.DEFAULT_FEATURE), options.features());
        assertTrue(options.commands().isEmpty());
    }

    @Test
    void commandsKeepTheirOrderAndFeaturesSplitOnCommas() {
        Options options = Options.parse("-c", "lb; scr:list", "--feature", "a,b", "--command=ml:models",
                "--home", "/opt/d", "--feature=c");

        assertEquals(List.of("lb; scr:list", "ml:models"), options.commands());
        assertEquals(List.of("a", "b", "c"), options.features());
        assertEquals(Path.of("/opt/d"), options.home());
    }

    @Test
    void help() {
        assertTrue(Options.parse("--help").help());
        assertTrue(Options.parse("-h").help());
    }

    @Test
    void rejectsUnknownOptionsAndMissingValues() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Options.parse("--verbose"));
        assertEquals("unknown option '--verbose' (see --help)", unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Options.parse("-c"));
        assertEquals("option -c needs a value (see --help)", missing.getMessage());
    }

    @Test
    void webStartsTheWebConsole() {
        assertTrue(Options.parse("--web").web());
        assertTrue(Options.parse("--web", "-c", "ml:web status").web());
        assertEquals(false, Options.parse("-c", "ml:models").web());
    }
}
