package dev.dendrite.nn;

import dev.dendrite.api.plugin.BundleProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The installed bundles that do not work, with the cause, so that a plug-in jar that fails is
 * reported instead of silently providing nothing:
 * <ul>
 *   <li>an {@code INSTALLED} bundle has not resolved: each requirement that no resolved bundle's
 *       capability satisfies is named, read from its {@link BundleRevision} (nothing is started to
 *       find out). A bundle that waits for another unresolved bundle names the requirement that
 *       bundle would satisfy. When every requirement is available the framework is asked to
 *       resolve it (as starting it would): a bundle merely installed and never started then
 *       resolves and is no problem; one that still does not (a {@code uses} conflict) is
 *       reported;</li>
 *   <li>a resolved bundle (not a fragment) that was asked to start (its autostart setting is on)
 *       at a start level the framework has reached, and is not active, failed to start. Its
 *       error is obtained by starting it again, transiently: the start it was asked for, which
 *       FileInstall or the user already tried. Should it succeed this time, it is no problem.</li>
 * </ul>
 */
final class BundleProblems {

    private BundleProblems() {
    }

    static List<BundleProblem> of(BundleContext context) {
        List<BundleCapability> available = resolvedCapabilities(context);
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        int frameworkLevel = framework.adapt(FrameworkStartLevel.class).getStartLevel();
        List<BundleProblem> problems = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            List<String> reasons = b.getState() == Bundle.INSTALLED ? missing(b, available, framework.adapt(FrameworkWiring.class))
                    : failedToStart(b, frameworkLevel) ? startError(b) : List.of();
            if (!reasons.isEmpty()) {
                problems.add(new BundleProblem(b.getBundleId(), String.valueOf(b.getSymbolicName()), b.getVersion().toString(),
                        b.getLocation(), reasons));
            }
        }
        return problems;
    }

    /** The capabilities of every resolved bundle, the framework's own included. */
    private static List<BundleCapability> resolvedCapabilities(BundleContext context) {
        List<BundleCapability> all = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleRevision revision = b.adapt(BundleRevision.class);
            if (revision != null && (b.getState() & (Bundle.INSTALLED | Bundle.UNINSTALLED)) == 0) {
                all.addAll(revision.getDeclaredCapabilities(null));
            }
        }
        return all;
    }

    /** {@code does not resolve: missing NAMESPACE; FILTER} for each mandatory, resolve-time requirement nothing satisfies. */
    private static List<String> missing(Bundle bundle, List<BundleCapability> available, FrameworkWiring wiring) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<String> reasons = new ArrayList<>();
        for (BundleRequirement r : revision == null ? List.<BundleRequirement>of() : revision.getDeclaredRequirements(null)) {
            Map<String, String> directives = r.getDirectives();
            boolean mandatory = !Constants.RESOLUTION_OPTIONAL.equals(directives.get(Constants.RESOLUTION_DIRECTIVE))
                    && !"dynamic".equals(directives.get(Constants.RESOLUTION_DIRECTIVE))
                    && Constants.EFFECTIVE_RESOLVE.equals(directives.getOrDefault(Constants.EFFECTIVE_DIRECTIVE, Constants.EFFECTIVE_RESOLVE));
            if (mandatory && available.stream().noneMatch(c -> satisfies(c, r))) {
                reasons.add("does not resolve: missing " + r.getNamespace() + "; " + directives.getOrDefault(Constants.FILTER_DIRECTIVE, ""));
            }
        }
        if (reasons.isEmpty() && !wiring.resolveBundles(List.of(bundle))) {
            reasons.add("does not resolve, though every requirement is available (a uses conflict: see the framework log)");
        }
        return reasons;
    }

    private static boolean satisfies(BundleCapability capability, BundleRequirement requirement) {
        if (!capability.getNamespace().equals(requirement.getNamespace())) {
            return false;
        }
        String filter = requirement.getDirectives().get(Constants.FILTER_DIRECTIVE);
        try {
            return filter == null || FrameworkUtil.createFilter(filter).matches(capability.getAttributes());
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }

    private static boolean failedToStart(Bundle b, int frameworkLevel) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        BundleStartLevel level = b.adapt(BundleStartLevel.class);
        return b.getState() == Bundle.RESOLVED && revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) == 0
                && level != null && level.isPersistentlyStarted() && level.getStartLevel() <= frameworkLevel;
    }

    /** The error of starting {@code b} again, transiently (its autostart setting is left as it is). */
    private static List<String> startError(Bundle b) {
        try {
            b.start(Bundle.START_TRANSIENT);
            return List.of();
        } catch (BundleException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return List.of("does not start: " + e.getMessage() + (cause == e ? "" : " (" + cause + ")"));
        }
    }
}
