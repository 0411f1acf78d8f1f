package dev.dendrite.uat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.testing.ComponentDescriptors;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.junit.jupiter.api.Test;

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
        List<String> names = Arrays.stream(uat.getParameters()).map(p -> p.getAnnotation(Parameter.class).names()[0]).toList();
        assertEquals(List.of("--function", "--expr", "--domain", "--widths", "--activation", "--optimizer", "--lr",
                "--iterations", "--epochs", "--batch", "--samples", "--seed", "--out", "--backend"), names);
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
