package dev.dendrite.uat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class UatSettingsTest {

    private static final Target SIN = Target.named("sin");

    private static UatSettings withWidths(List<Integer> widths) {
        return new UatSettings(SIN, widths, "tanh", "adam", 0.01, 0, 0, 100, 64, 1, null);
    }

    @Test
    void parsesWidthLists() {
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64), UatSettings.parseWidths(UatSettings.DEFAULT_WIDTHS));
        assertEquals(List.of(3, 5), UatSettings.parseWidths(" 3 , 5 "));
    }

    @Test
    void defaultsDependOnTheDimension() {
        UatSettings one = UatSettings.defaults(SIN);
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64), one.widths());
        assertEquals(List.of("relu", 0.005, 10000L, 128), List.of(one.activation(), one.lr(), one.iterations(), one.samples()));
        UatSettings two = UatSettings.defaults(Target.named("sincos2d"));
        assertEquals(List.of("tanh", 0.01, 3000L, 256), List.of(two.activation(), two.lr(), two.iterations(), two.samples()));
        assertEquals(List.of("adam", 0, 42L), List.of(two.optimizer(), two.batch(), two.seed()));
    }

    @Test
    void rejectsAnEmptyWidthList() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withWidths(UatSettings.parseWidths(" ")));
        assertEquals("the width list is empty; give hidden widths such as 1,4,16", e.getMessage());
    }

    @Test
    void rejectsWidthsThatAreNotPositive() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> withWidths(UatSettings.parseWidths("4,0,8")));
        assertEquals("width must be positive, got 0", zero.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> withWidths(List.of(-3)));
        assertEquals("width must be positive, got -3", negative.getMessage());
    }

    @Test
    void rejectsWidthsThatAreNotIntegers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UatSettings.parseWidths("1,two,4"));
        assertEquals("width 'two' in '1,two,4' is not an integer", e.getMessage());
        IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class, () -> UatSettings.parseWidths("1,2,"));
        assertEquals("width '' in '1,2,' is not an integer", trailing.getMessage());
    }

    @Test
    void rejectsBadTrainingSettings() {
        assertEquals("learning rate must be positive, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> new UatSettings(SIN, List.of(1), "tanh", "adam", 0, 0, 0, 100, 64, 1, null)).getMessage());
        assertEquals("give a positive number of epochs or iterations, got epochs 0, iterations 0", assertThrows(IllegalArgumentException.class,
                () -> new UatSettings(SIN, List.of(1), "tanh", "adam", 0.1, 0, 0, 0, 64, 1, null)).getMessage());
        assertEquals("samples must be at least 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> new UatSettings(SIN, List.of(1), "tanh", "adam", 0.1, 0, 0, 10, 1, 1, null)).getMessage());
        assertEquals("batch size must be 0 (full batch) or positive, got -1", assertThrows(IllegalArgumentException.class,
                () -> new UatSettings(SIN, List.of(1), "tanh", "adam", 0.1, -1, 0, 10, 10, 1, null)).getMessage());
    }
}
