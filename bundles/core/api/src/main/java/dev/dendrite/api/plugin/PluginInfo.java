package dev.dendrite.api.plugin;

/**
 * One registered plug-in service.
 *
 * @param name          its {@code name} service property
 * @param description   its {@code description} property, or empty
 * @param serviceId     {@code service.id}
 * @param ranking       {@code service.ranking} (0 when unset)
 * @param bundleId      the providing bundle's id
 * @param bundleName    the providing bundle's symbolic name
 * @param bundleVersion the providing bundle's version
 * @param selected      whether a new run asking for {@code name} gets this implementation
 * @param shadowedBy    when another version of the same bundle (same symbolic name) serves
 *                      {@code name} instead of this one, that version (e.g. {@code 1.1.0});
 *                      otherwise empty (since 1.1)
 */
public record PluginInfo(String name, String description, long serviceId, int ranking,
                         long bundleId, String bundleName, String bundleVersion, boolean selected, String shadowedBy) {

    /** A plug-in that no other version of its bundle shadows (the constructor of API 1.0). */
    public PluginInfo(String name, String description, long serviceId, int ranking,
                      long bundleId, String bundleName, String bundleVersion, boolean selected) {
        this(name, description, serviceId, ranking, bundleId, bundleName, bundleVersion, selected, "");
    }

    /** E.g. {@code dev.dendrite.activations 0.1.0 [12]}. */
    public String bundle() {
        return bundleName + " " + bundleVersion + " [" + bundleId + "]";
    }

    /** Whether another version of the same bundle serves {@code name} instead of this one. */
    public boolean shadowed() {
        return !shadowedBy.isEmpty();
    }
}
