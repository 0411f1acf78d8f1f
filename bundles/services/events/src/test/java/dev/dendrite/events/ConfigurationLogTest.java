package dev.dendrite.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Hashtable;
import org.junit.jupiter.api.Test;

class ConfigurationLogTest {

    @Test
    void propertiesAreSortedWithoutBookkeepingAndSecretsMasked() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("service.pid", "dev.dendrite.train");
        properties.put("felix.fileinstall.filename", "file:/x/etc/dev.dendrite.train.cfg");
        properties.put("layers", "16");
        properties.put("epochs", "5");
        properties.put("storage.password", "hunter2");
        properties.put("hosts", new String[] {"a", "b"});
        assertEquals("epochs=5, hosts=[a, b], layers=16, storage.password=****", ConfigurationLog.format(properties));
    }

    @Test
    void aConfigurationWithOnlyBookkeepingHasNoProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("service.pid", "dev.dendrite.models");
        assertEquals("(no properties)", ConfigurationLog.format(properties));
    }
}
