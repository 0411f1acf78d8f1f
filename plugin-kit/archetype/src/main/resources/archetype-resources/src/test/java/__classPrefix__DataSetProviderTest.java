package ${package};

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSetProvider;
import dev.dendrite.api.data.Task;
import dev.dendrite.testing.ComponentDescriptors;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ${classPrefix}DataSetProviderTest {

    private final DataSetProvider provider = new ${classPrefix}DataSetProvider();

    @Test
    void samplesAreColumnsWithOneClassIndexEach() {
        DataSet data = provider.generate(42);
        assertEquals(2, data.features());
        assertEquals(${classPrefix}DataSetProvider.SAMPLES, data.samples());
        assertEquals(Task.CLASSIFICATION, data.task());
        assertEquals(List.of("0", "1"), data.classes());
        assertEquals(data.samples() / 2, Arrays.stream(data.targets()).filter(t -> t == 1).count());
    }

    @Test
    void aSeedAlwaysGivesTheSameData() {
        DataSet first = provider.generate(42);
        DataSet second = provider.generate(42);
        assertEquals(first.x(), second.x());
        assertArrayEquals(first.targets(), second.targets());
        assertNotEquals(first.x(), provider.generate(43).x(), "another seed, other data");
    }

    @Test
    void isRegisteredUnderItsName() {
        List<ComponentDescriptors.Descriptor> components =
                ComponentDescriptors.providing(DataSetProvider.class, ${classPrefix}DataSetProvider.class);
        assertEquals(1, components.size(), "components providing DataSetProvider: " + components);
        assertEquals("${pluginName}", components.get(0).properties().get("name"));
    }
}
