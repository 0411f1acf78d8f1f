package dev.dendrite.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTest {

    @Test
    void linearTicksAreRoundNumbers() {
        Axis axis = Axis.linear(-1, 1, 0, 100);
        assertEquals(List.of(-1.0, -0.5, 0.0, 0.5, 1.0), axis.ticks());
        assertEquals(List.of("-1", "-0.5", "0", "0.5", "1"), axis.ticks().stream().map(axis::label).toList());
        assertEquals(List.of(-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0), new Axis(-Math.PI, Math.PI, 0, 1, false).ticks());
    }

    @Test
    void logAxesSpanWholeDecades() {
        Axis axis = Axis.decades(0.003, 0.4, 300, 0);
        assertEquals(0.001, axis.lo(), 1e-18);
        assertEquals(1, axis.hi(), 1e-15);
        assertEquals(List.of("1e-3", "1e-2", "1e-1", "1"), axis.ticks().stream().map(axis::label).toList());
        assertEquals(300, axis.map(0.001), 1e-9);
        assertEquals(200, axis.map(0.01), 1e-9);
        assertEquals(0, axis.map(1), 1e-9);
    }

    @Test
    void linearMapIsAffine() {
        Axis axis = new Axis(-2, 2, 100, 500, false);
        assertEquals(100, axis.map(-2), 1e-12);
        assertEquals(300, axis.map(0), 1e-12);
        assertEquals(400, axis.map(1), 1e-12);
        assertEquals("16", new Axis(1, 64, 0, 1, true).label(16));
    }
}
