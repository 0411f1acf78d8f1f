package dev.dendrite.uat;

import dev.dendrite.nn.LocalPlugins;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The experiment with the real trainer and plug-ins. */
class UatDemoTest {

    private final UatDemo demo = new UatDemo(LocalPlugins.trainer());

    private static Map<Integer, WidthResult> byWidth(UatReport report) {
        return report.results().stream().collect(Collectors.toMap(WidthResult::width, Function.identity()));
    }

    /**
     * The acceptance run: the defaults of {@code ml:uat} (sin, widths 1 … 64, fixed seed). Prints
     * the table and the wall time, which is the command's run time without the shell.
     */
    @Test
    void defaultRunOnSinShowsTheErrorFallingWithWidth() {
        List<WidthResult> seen = new ArrayList<>();
        long start = System.nanoTime();
        UatReport report = demo.run(UatSettings.defaults(Target.named("sin")), seen::add);
        long millis = (System.nanoTime() - start) / 1_000_000;
        report.results().forEach(r -> System.out.printf("width %2d  rms %.6f  max %.6f  %d ms%n",
                r.width(), r.rmsError(), r.maxError(), r.millis()));
        System.out.println("default ml:uat run (training and evaluation): " + millis + " ms");

        assertEquals(report.results(), seen, "progress reported once per width, in order");
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64), report.results().stream().map(WidthResult::width).toList());
        Map<Integer, WidthResult> w = byWidth(report);
        assertTrue(w.get(1).rmsError() >= w.get(4).rmsError(), "rms 1 >= 4");
        assertTrue(w.get(4).rmsError() >= w.get(16).rmsError(), "rms 4 >= 16");
        assertTrue(w.get(16).rmsError() >= w.get(64).rmsError(), "rms 16 >= 64");
        assertTrue(w.get(1).rmsError() >= 100 * w.get(64).rmsError(),
                "rms falls 100x: " + w.get(1).rmsError() + " -> " + w.get(64).rmsError());
        for (WidthResult r : report.results()) {
            assertTrue(r.maxError() >= r.rmsError(), "max >= rms at width " + r.width());
            assertEquals(report.grid().size(), r.predictions().length);
        }
    }

    @Test
    void theStepKeepsItsMaxErrorWhileItsRmsFalls() {
        UatSettings defaults = UatSettings.defaults(Target.named("step"));
        UatSettings settings = new UatSettings(defaults.target(), List.of(2, 64), defaults.training(), defaults.samples());
        Map<Integer, WidthResult> w = byWidth(demo.run(settings, r -> { }));
        assertTrue(w.get(64).rmsError() < 0.75 * w.get(2).rmsError(),
                "rms falls: " + w.get(2).rmsError() + " -> " + w.get(64).rmsError());
        for (WidthResult r : w.values()) {
            assertTrue(r.maxError() > 0.4, "max error stays near half the jump at width " + r.width() + ": " + r.maxError());
        }
    }

    @Test
    void fitsAFunctionOfTwoVariables() {
        Target target = Target.named("sincos2d");
        UatSettings settings = TestReports.settings(target, List.of(1, 32), "tanh", 0.01, 1500, 512, 7);
        UatReport report = demo.run(settings, r -> { });
        assertEquals(100 * 100, report.target().length);
        Map<Integer, WidthResult> w = byWidth(report);
        assertTrue(w.get(32).rmsError() < w.get(1).rmsError() / 4,
                "rms falls: " + w.get(1).rmsError() + " -> " + w.get(32).rmsError());
    }

    @Test
    void fitsAUserExpressionInItsOwnUnits() {
        Target target = Target.expression("10 + 5*x^2", -1, 1);
        UatSettings settings = TestReports.settings(target, List.of(8), "tanh", 0.01, 1500, 128, 3);
        WidthResult fit = demo.run(settings, r -> { }).results().get(0);
        assertTrue(fit.rmsError() < 0.05, "a parabola from 10 to 15 fits to " + fit.rmsError());
        assertEquals(15, fit.predictions()[0], 0.2, "f(-1) = 15");
        assertEquals(10, fit.predictions()[500], 0.2, "f(0) = 10");
    }

    @Test
    void unknownPluginNamesAreReported() {
        UatSettings settings = TestReports.settings(Target.named("abs"), List.of(2), "wobbly", 0.01, 10, 16, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> demo.run(settings, r -> { }));
        assertTrue(e.getMessage().contains("wobbly") && e.getMessage().contains("tanh"), e.getMessage());
    }
}
