package dev.dendrite.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.nn.PluginOrder.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** The rule that picks, among services of one plug-in name, the one new runs get. */
class PluginOrderTest {

    private static Candidate<String> candidate(String label, int ranking, long serviceId, String bundle, String version) {
        return new Candidate<>(label, ranking, serviceId, bundle, Version.parseVersion(version));
    }

    private static List<String> order(List<Candidate<String>> candidates) {
        return PluginOrder.bestFirst(candidates).stream().map(Candidate::service).toList();
    }

    @Test
    void theHigherVersionOfOneBundleServesWhateverTheInstallOrder() {
        Candidate<String> old = candidate("1.0.0", 0, 40, "org.example.gelu", "1.0.0");
        Candidate<String> newer = candidate("1.1.0", 0, 41, "org.example.gelu", "1.1.0");
        Candidate<String> newerFirst = candidate("1.1.0", 0, 39, "org.example.gelu", "1.1.0");
        assertEquals(List.of("1.1.0", "1.0.0"), order(List.of(old, newer)));
        assertEquals(List.of("1.1.0", "1.0.0"), order(List.of(old, newerFirst)));
    }

    @Test
    void aHigherRankingStillWinsOverAHigherVersion() {
        Candidate<String> ranked = candidate("old, ranked", 100, 40, "org.example.gelu", "1.0.0");
        Candidate<String> newer = candidate("new", 0, 41, "org.example.gelu", "1.1.0");
        assertEquals(List.of("old, ranked", "new"), order(List.of(newer, ranked)));
    }

    @Test
    void betweenDifferentBundlesTheOldestServiceServes() {
        Candidate<String> builtIn = candidate("built-in", 0, 12, "dev.dendrite.activations", "0.1.0");
        Candidate<String> other = candidate("other", 0, 50, "org.example.relu", "9.0.0");
        assertEquals(List.of("built-in", "other"), order(List.of(other, builtIn)));
    }

    /** A newer version takes its predecessor's place among other bundles: it is as old as the oldest version installed. */
    @Test
    void aNewVersionInheritsItsPredecessorsSeniority() {
        Candidate<String> old = candidate("x 1.0.0", 0, 10, "org.example.x", "1.0.0");
        Candidate<String> other = candidate("y", 0, 20, "org.example.y", "1.0.0");
        Candidate<String> newer = candidate("x 2.0.0", 0, 30, "org.example.x", "2.0.0");
        assertEquals(List.of("x 2.0.0", "x 1.0.0", "y"), order(List.of(other, newer, old)));
    }

    @Test
    void aBundleWithTwoServicesOfOneNameKeepsTheOsgiOrder() {
        Candidate<String> first = candidate("first", 0, 7, "org.example.x", "1.0.0");
        Candidate<String> second = candidate("second", 0, 8, "org.example.x", "1.0.0");
        assertEquals(List.of("first", "second"), order(List.of(second, first)));
    }

    @Test
    void onlyAnotherVersionOfTheSameBundleShadows() {
        Candidate<String> newer = candidate("new", 0, 41, "org.example.gelu", "1.1.0");
        Candidate<String> old = candidate("old", 0, 40, "org.example.gelu", "1.0.0");
        Candidate<String> other = candidate("other", 0, 50, "org.example.other", "2.0.0");
        List<Candidate<String>> ordered = PluginOrder.bestFirst(List.of(old, other, newer));
        assertEquals("", PluginOrder.shadowedBy(newer, ordered));
        assertEquals("1.1.0", PluginOrder.shadowedBy(old, ordered));
        assertEquals("", PluginOrder.shadowedBy(other, ordered));
    }

    @Test
    void aRankedOldVersionShadowsTheNewOne() {
        Candidate<String> ranked = candidate("old", 100, 40, "org.example.gelu", "1.0.0");
        Candidate<String> newer = candidate("new", 0, 41, "org.example.gelu", "1.1.0");
        List<Candidate<String>> ordered = PluginOrder.bestFirst(List.of(newer, ranked));
        assertEquals("1.0.0", PluginOrder.shadowedBy(newer, ordered));
    }
}
