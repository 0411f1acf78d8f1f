package dev.dendrite.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentDescriptorsTest {

    @TempDir
    Path folder;

    @Test
    void readsServicesAndPropertiesOfABndDescriptor() throws IOException {
        Files.writeString(folder.resolve("dev.example.Cube.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="dev.example.Cube">
                  <property name="name" type="String" value="cube"/>
                  <property name="description" type="String" value="g(z) = z^3"/>
                  <property name="service.ranking" type="Integer" value="5"/>
                  <service>
                    <provide interface="dev.dendrite.api.nn.Activation"/>
                  </service>
                  <implementation class="dev.example.Cube"/>
                </scr:component>
                """);
        Files.writeString(folder.resolve("notes.txt"), "not a descriptor");

        List<ComponentDescriptors.Descriptor> all = ComponentDescriptors.read(folder);

        assertEquals(1, all.size());
        ComponentDescriptors.Descriptor cube = all.get(0);
        assertEquals("dev.example.Cube", cube.implementation());
        assertTrue(cube.provides(Activation.class));
        assertTrue(!cube.provides(Loss.class));
        assertEquals(Map.of("name", "cube", "description", "g(z) = z^3", "service.ranking", "5"), cube.properties());
    }

    @Test
    void aBundleWithoutDescriptorsHasNone() throws IOException {
        assertEquals(List.of(), ComponentDescriptors.read(folder.resolve("OSGI-INF")));
        assertEquals(List.of(), ComponentDescriptors.of(ComponentDescriptorsTest.class));
    }
}
