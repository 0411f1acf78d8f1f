package dev.dendrite.events;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each configuration change ConfigAdmin announces (a {@code .cfg} file of {@code etc/}
 * edited, created or deleted, or a change made through ConfigAdmin): the PID and, for an update,
 * its properties as they now are, {@code configuration dev.dendrite.train updated: epochs=5, layers=16}.
 * Values of properties whose name says they are secret (password, secret, token, credential) are
 * shown as {@code ****}.
 */
@Component(immediate = true)
public final class ConfigurationLog implements ConfigurationListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationLog.class);
    /** Bookkeeping properties ConfigAdmin and FileInstall add, not part of what the user set. */
    private static final Set<String> BOOKKEEPING = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, "felix.fileinstall.filename");
    private static final Pattern SECRET = Pattern.compile("password|secret|token|credential");

    private final BundleContext context;

    @Activate
    public ConfigurationLog(BundleContext context) {
        this.context = context;
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        switch (event.getType()) {
            case ConfigurationEvent.CM_UPDATED -> LOG.info("configuration {} updated: {}", event.getPid(), properties(event));
            case ConfigurationEvent.CM_DELETED -> LOG.info("configuration {} deleted", event.getPid());
            default -> LOG.debug("configuration {}: event {}", event.getPid(), event.getType());
        }
    }

    /** The configuration's properties as they are now, sorted, or why they cannot be read. */
    private String properties(ConfigurationEvent event) {
        ServiceReference<ConfigurationAdmin> ref = event.getReference();
        ConfigurationAdmin admin = ref == null ? null : context.getService(ref);
        if (admin == null) {
            return "(ConfigAdmin went away)";
        }
        try {
            Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + event.getPid() + ")");
            Dictionary<String, Object> dictionary = found == null ? null : found[0].getProperties();
            return dictionary == null ? "(no properties)" : format(dictionary);
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            return "(cannot read: " + e.getMessage() + ")";
        } finally {
            context.ungetService(ref);
        }
    }

    /** {@code key=value, …} sorted by key, without bookkeeping properties, secrets masked. */
    static String format(Dictionary<String, ?> properties) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (String key : Collections.list(properties.keys())) {
            if (!BOOKKEEPING.contains(key)) {
                Object value = properties.get(key);
                sorted.put(key, SECRET.matcher(key.toLowerCase(Locale.ROOT)).find() ? "****"
                        : value instanceof Object[] array ? List.of(array) : value);
            }
        }
        StringBuilder s = new StringBuilder();
        sorted.forEach((key, value) -> s.append(s.isEmpty() ? "" : ", ").append(key).append('=').append(value));
        return s.isEmpty() ? "(no properties)" : s.toString();
    }
}
