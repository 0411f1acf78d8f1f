package dev.dendrite.shell.karaf;

import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Enables {@link KarafCompletion} (declared disabled) when the bundle starts wired to Karaf's shell
 * API, that is in Apache Karaf; elsewhere it stays disabled, so no component waits for a Karaf
 * service that never comes, and no Karaf class is loaded.
 */
@Component(immediate = true)
public final class KarafPresence {

    static final String SHELL_API = "org.apache.karaf.shell.api.console";

    @Activate
    void activate(ComponentContext context) {
        BundleWiring wiring = context.getBundleContext().getBundle().adapt(BundleWiring.class);
        boolean inKaraf = wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .anyMatch(wire -> SHELL_API.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)));
        if (inKaraf) {
            context.enableComponent(KarafCompletion.class.getName()); // loaded here only, where Karaf's classes are
        }
    }
}
