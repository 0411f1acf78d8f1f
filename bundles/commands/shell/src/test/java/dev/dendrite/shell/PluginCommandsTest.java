package dev.dendrite.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.plugin.BundleProblem;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import dev.dendrite.options.CommandException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plug-in listings: the one in use starred, a replaced version marked, the failing bundles with their cause. */
class PluginCommandsTest {
    private static final PluginInfo GELU_NEW = new PluginInfo("gelu", "Gaussian error linear unit", 61, 0, 45,
            "org.example.gelu", "1.1.0", true, "");
    private static final PluginInfo GELU_OLD = new PluginInfo("gelu", "Gaussian error linear unit", 60, 0, 44,
            "org.example.gelu", "1.0.0", false, "1.1.0");
    private static final PluginInfo TANH = new PluginInfo("tanh", "", 12, 0, 22, "dev.dendrite.activations", "0.1.0", true);
    private static final PluginInfo EJML = new PluginInfo("ejml", "EJML", 5, 0, 20, "dev.dendrite.math-ejml", "0.1.0", true);
    private static final PluginInfo VECTOR = new PluginInfo("vector", "Vector API", 7, 20, 21, "dev.dendrite.math-fast", "0.1.0", true);
    private static final BundleProblem BROKEN = new BundleProblem(46, "org.example.broken", "1.0.0", "file:/deploy/broken.jar",
            List.of("does not resolve: missing osgi.wiring.package; (&(osgi.wiring.package=org.nobody)(version>=1.0.0))"));

    private List<BundleProblem> problems = List.of(BROKEN);

    private final PluginCatalog catalog = new PluginCatalog() {
        @Override
        public List<PluginInfo> list(Class<?> kind) {
            return kind == Activation.class ? List.of(GELU_NEW, GELU_OLD, TANH) : kind == MatrixMath.class ? List.of(EJML, VECTOR) : List.of();
        }

        @Override
        public List<String> names(Class<?> kind) {
            throw new AssertionError("not used");
        }

        @Override
        public Optional<PluginInfo> preferred(Class<?> kind) {
            return Optional.of(VECTOR);
        }

        @Override
        public List<BundleProblem> problems() {
            return problems;
        }
    };

    private final PluginCommands commands = new PluginCommands(catalog);

    @Test
    void theOlderVersionOfABundleIsMarkedShadowedByTheOneInUse() {
        assertEquals("""
                   name  ranking  bundle                               description
                *  gelu  0        org.example.gelu 1.1.0 [45]          Gaussian error linear unit
                   gelu  0        org.example.gelu 1.0.0 [44]          (shadowed by 1.1.0) Gaussian error linear unit
                *  tanh  0        dev.dendrite.activations 0.1.0 [22]""", commands.activations());
    }

    @Test
    void backendsStarTheOneUsedWithoutBackend() {
        assertEquals("""
                   name    ranking  bundle                             description
                   ejml    0        dev.dendrite.math-ejml 0.1.0 [20]  EJML
                *  vector  20       dev.dendrite.math-fast 0.1.0 [21]  Vector API""", commands.backends());
    }

    @Test
    void pluginsListsEveryKindThenTheProblems() {
        assertEquals("""
                   kind        name    ranking  bundle                               description
                *  activation  gelu    0        org.example.gelu 1.1.0 [45]          Gaussian error linear unit
                   activation  gelu    0        org.example.gelu 1.0.0 [44]          (shadowed by 1.1.0) Gaussian error linear unit
                *  activation  tanh    0        dev.dendrite.activations 0.1.0 [22]
                *  backend     ejml    0        dev.dendrite.math-ejml 0.1.0 [20]    EJML
                *  backend     vector  20       dev.dendrite.math-fast 0.1.0 [21]    Vector API

                problems:
                org.example.broken 1.0.0 [46]  file:/deploy/broken.jar
                  does not resolve: missing osgi.wiring.package; (&(osgi.wiring.package=org.nobody)(version>=1.0.0))""",
                commands.plugins());
    }

    @Test
    void problemsAloneOrNone() {
        assertEquals("""
                org.example.broken 1.0.0 [46]  file:/deploy/broken.jar
                  does not resolve: missing osgi.wiring.package; (&(osgi.wiring.package=org.nobody)(version>=1.0.0))""",
                commands.plugins("--problems"));
        problems = List.of();
        assertEquals("no problems: every installed bundle resolves, and every bundle asked to start is active", commands.plugins("--problems"));
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertEquals("ml:plugins has no option --problem; did you mean --problems? (ml:plugins --help)",
                assertThrows(CommandException.class, () -> commands.plugins("--problem")).getMessage());
    }
}
