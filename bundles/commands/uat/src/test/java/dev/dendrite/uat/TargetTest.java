package dev.dendrite.uat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void builtInsHaveTheirDomainsAndValues() {
        Target sin = Target.named("sin");
        assertEquals(-Math.PI, sin.lo());
        assertEquals(Math.PI, sin.hi());
        assertEquals(Math.sin(1.1), sin.at(1.1, 0));
        assertEquals(0.25, Target.named("square").at(-0.5, 0));
        assertEquals(0.5, Target.named("abs").at(-0.5, 0));
        assertEquals(Math.sin(1) * Math.cos(2), Target.named("sincos2d").at(1, 2));
        assertEquals(2, Target.named("sincos2d").dimensions());
    }

    @Test
    void sawtoothIsAContinuousZigZag() {
        Target saw = Target.named("sawtooth");
        assertEquals(-1, saw.at(0, 0), 1e-15);
        assertEquals(1, saw.at(0.5, 0), 1e-15);
        assertEquals(1, saw.at(-0.5, 0), 1e-15);
        assertEquals(0, saw.at(0.25, 0), 1e-15);
        assertEquals(-1, saw.at(1, 0), 1e-15);
        assertTrue(saw.continuous());
    }

    @Test
    void stepJumpsAtZero() {
        Target step = Target.named("step");
        assertEquals(0, step.at(-1e-9, 0));
        assertEquals(1, step.at(0, 0));
        assertFalse(step.continuous());
    }

    @Test
    void namesAreCaseInsensitive() {
        assertEquals("sin", Target.named("SIN").name());
    }

    @Test
    void unknownNameListsTheAvailableOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.named("cosine"));
        assertEquals("unknown function 'cosine'; available: sin, abs, square, sawtooth, step, sincos2d (or --expr EXPRESSION)",
                e.getMessage());
    }

    @Test
    void expressionsGetOneOrTwoVariables() {
        Target one = Target.expression("x^3 - x", -2, 2);
        assertEquals(1, one.dimensions());
        assertEquals(6, one.at(2, 99));
        Target two = Target.expression("x*y", -1, 1);
        assertEquals(2, two.dimensions());
        assertEquals(-0.25, two.at(0.5, -0.5));
    }

    @Test
    void rejectsValuesThatAreNotFinite() {
        Target log = Target.expression("log(x)", 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.at(0, 0));
        assertEquals("function 'log(x)' is -Infinity at x = 0.0; choose a domain where it is finite (--domain)", e.getMessage());
    }

    @Test
    void rejectsAnEmptyDomain() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.named("sin").withDomain(1, 1));
        assertEquals("domain [1.0, 1.0] must be a finite interval with lo < hi", e.getMessage());
    }
}
