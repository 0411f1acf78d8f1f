package dev.dendrite.api.plugin;

import java.util.List;

/**
 * An installed bundle that does not work: it does not resolve, or it was asked to start and is
 * not active. A plug-in jar dropped into {@code deploy/} that fails shows up here instead of
 * silently providing nothing.
 *
 * @param bundleId     the bundle's id
 * @param symbolicName its symbolic name
 * @param version      its version
 * @param location     where it was installed from, e.g. {@code file:/…/deploy/gelu.jar}
 * @param reasons      one line per cause: {@code does not resolve: missing osgi.wiring.package; (…)}
 *                     for each unsatisfied requirement, or {@code does not start: …} with the
 *                     framework's error
 * @since 1.1
 */
public record BundleProblem(long bundleId, String symbolicName, String version, String location, List<String> reasons) {

    public BundleProblem {
        reasons = List.copyOf(reasons);
    }

    /** E.g. {@code org.example.broken 1.0.0 [45]}. */
    public String bundle() {
        return symbolicName + " " + version + " [" + bundleId + "]";
    }
}
