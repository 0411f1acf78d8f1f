package dev.dendrite.nn;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * The one rule that orders the services competing for a plug-in name, the one new runs get first
 * (see {@code PluginCatalog}): the higher {@code service.ranking}; then the higher bundle version
 * among bundles of one symbolic name; then the older service, a symbolic name counting as old as
 * its oldest service among the candidates. The last two steps make a new version of a bundle take
 * its predecessor's place whatever the install order, while the choice between different bundles
 * stays the OSGi one (the oldest service). Every selection by name and every listing goes through
 * {@link #bestFirst}.
 */
final class PluginOrder {

    private PluginOrder() {
    }

    /** What the rule reads of one service, and the service it stands for. */
    record Candidate<T>(T service, int ranking, long serviceId, String bundleName, Version bundleVersion) {

        static Candidate<ServiceReference<?>> of(ServiceReference<?> ref) {
            Bundle b = ref.getBundle();
            return new Candidate<>(ref,
                    ref.getProperty(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0,
                    (Long) ref.getProperty(Constants.SERVICE_ID),
                    b == null ? "(unregistered)" : b.getSymbolicName(),
                    b == null ? Version.emptyVersion : b.getVersion());
        }
    }

    /** {@code candidates}, the one that serves first. */
    static <T> List<Candidate<T>> bestFirst(Collection<Candidate<T>> candidates) {
        Map<String, Long> seniority = new HashMap<>();
        for (Candidate<T> c : candidates) {
            seniority.merge(c.bundleName(), c.serviceId(), Math::min);
        }
        Comparator<Candidate<T>> order = Comparator.<Candidate<T>>comparingInt(Candidate::ranking).reversed()
                .thenComparingLong(c -> seniority.get(c.bundleName()))
                .thenComparing(Candidate::bundleVersion, Comparator.reverseOrder())
                .thenComparingLong(Candidate::serviceId);
        return candidates.stream().sorted(order).toList();
    }

    /**
     * The version of {@code c}'s bundle that serves in its place: that of the first candidate of
     * {@code ordered} (as {@link #bestFirst} returns them) with the same symbolic name, when it
     * is another version; otherwise empty.
     */
    static String shadowedBy(Candidate<?> c, List<? extends Candidate<?>> ordered) {
        return ordered.stream().filter(o -> o.bundleName().equals(c.bundleName())).findFirst()
                .map(Candidate::bundleVersion).filter(v -> !v.equals(c.bundleVersion()))
                .map(Version::toString).orElse("");
    }
}
