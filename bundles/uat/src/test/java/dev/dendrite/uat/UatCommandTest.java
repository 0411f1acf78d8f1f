package dev.dendrite.uat;

import dev.dendrite.nn.LocalPlugins;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.testing.ComponentDescriptors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UatCommandTest {

    @Test
    void choosesABuiltInOrAnExpression() {
        assertEquals("sin", UatCommand.target("", "", "").name());
        assertEquals("step", UatCommand.target("step", "", "").name());
        Target expr = UatCommand.target("", "x*y", "");
        assertEquals(2, expr.dimensions());
        assertEquals(-Math.PI, expr.lo());
    }

    @Test
    void parsesADomain() {
        Target wide = UatCommand.target("sin", "", "-2*pi, 2*pi");
        assertEquals(-2 * Math.PI, wide.lo(), 1e-15);
        assertEquals(2 * Math.PI, wide.hi(), 1e-15);
        assertEquals(0.5, UatCommand.target("", "x", "0,0.5").hi());
    }

    @Test
    void rejectsBadTargets() {
        assertEquals("give --function or --expr, not both",
                assertThrows(IllegalArgumentException.class, () -> UatCommand.target("sin", "x", "")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UatCommand.target("tan", "", "")).getMessage()
                .startsWith("unknown function 'tan'; available: sin, abs"));
        assertEquals("expression 'sin(x': expected ')' at position 6",
                assertThrows(IllegalArgumentException.class, () -> UatCommand.target("", "sin(x", "")).getMessage());
        assertEquals("domain '1' must be LO,HI, e.g. -1,1 or -pi,pi",
                assertThrows(IllegalArgumentException.class, () -> UatCommand.target("sin", "", "1")).getMessage());
        assertEquals("domain '1,-1' must have LO < HI",
                assertThrows(IllegalArgumentException.class, () -> UatCommand.target("sin", "", "1,-1")).getMessage());
    }

    @Test
    void everyOptionIsDescribed() {
        Method uat = Arrays.stream(UatCommand.class.getMethods()).filter(m -> m.getName().equals("uat")).findFirst().orElseThrow();
        assertNotNull(uat.getAnnotation(Descriptor.class));
        for (java.lang.reflect.Parameter p : uat.getParameters()) {
            Descriptor d = p.getAnnotation(Descriptor.class);
            Parameter option = p.getAnnotation(Parameter.class);
            assertNotNull(d, p.toString());
            assertNotNull(option, p.toString());
            assertTrue(option.names()[0].startsWith("--"), Arrays.toString(option.names()));
            assertFalse(d.value().isBlank());
        }
        String functionHelp = uat.getParameters()[0].getAnnotation(Descriptor.class).value();
        assertTrue(functionHelp.replace(" or ", ", ").contains(Target.names()), functionHelp);
        List<String> names = Arrays.stream(uat.getParameters()).map(p -> p.getAnnotation(Parameter.class).names()[0]).toList();
        assertEquals(List.of("--function", "--expr", "--domain", "--widths", "--activation", "--optimizer", "--lr",
                "--iterations", "--epochs", "--batch", "--samples", "--seed", "--out", "--backend"), names);
    }

    @Test
    void printsTheTableThePlotAndTheExplanationAndWritesThePictures(@TempDir Path folder) {
        UatCommand command = new UatCommand(new UatDemo(LocalPlugins.trainer()));
        UatSettings settings = new UatSettings(Target.named("square"), List.of(1, 16), "relu", "adam", 0.005, 0, 0, 2000,
                64, 42, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.execute(settings, folder, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(out.startsWith("Universal approximation: x^2 on [-1.000, 1.000]\nrelu hidden units"), out);
        List<String> rows = out.lines().filter(l -> l.matches(" +\\d+ +[0-9.]+ +[0-9.]+ +\\d+")).toList();
        assertEquals(2, rows.size(), out);
        double rms1 = Double.parseDouble(rows.get(0).trim().split(" +")[1]);
        double rms16 = Double.parseDouble(rows.get(1).trim().split(" +")[1]);
        assertTrue(out.contains(String.format(java.util.Locale.ROOT, "(%.0fx smaller)", rms1 / rms16)), out);
        assertTrue(out.contains("* best fit: width 16"), out);
        assertTrue(out.contains(UatCommand.explanation()), "the explanation follows the table");
        assertFalse(out.contains("note:"), "x^2 is continuous");
        for (String file : List.of("square-fit.svg", "square-fit.png", "square-error.svg", "square-error.png")) {
            assertTrue(out.contains("plot " + folder.resolve(file)), file);
            assertTrue(Files.isRegularFile(folder.resolve(file)), file);
        }
    }

    @Test
    void flagsADiscontinuousTargetAndWritesNothingWithoutAFolder() {
        UatCommand command = new UatCommand(new UatDemo(LocalPlugins.trainer()));
        UatSettings settings = new UatSettings(Target.named("step"), List.of(2), "relu", "adam", 0.005, 0, 0, 10, 16, 1, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.execute(settings, null, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("note: step is not continuous"), out);
        assertFalse(out.contains("plot "), out);
    }

    @Test
    void isRegisteredAsTheGogoCommandMlUat() {
        List<ComponentDescriptors.Descriptor> commands = ComponentDescriptors.providing(Object.class, UatCommand.class);
        assertEquals(1, commands.size());
        assertEquals(UatCommand.class.getName(), commands.get(0).implementation());
        assertEquals("ml", commands.get(0).properties().get("osgi.command.scope"));
        assertEquals("uat", commands.get(0).properties().get("osgi.command.function"));
    }

    @Test
    void readmeCarriesTheExplanation() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String explanation = UatCommand.explanation();
        assertTrue(explanation.contains("universal approximation theorem"));
        for (String paragraph : explanation.split("\n\n")) {
            assertTrue(normalize(readme).contains(normalize(paragraph)), "README.md lacks: " + paragraph);
        }
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
