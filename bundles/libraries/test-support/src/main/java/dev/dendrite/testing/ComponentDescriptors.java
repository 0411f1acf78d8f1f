package dev.dendrite.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the Declarative Services descriptors ({@code OSGI-INF/*.xml}) that bnd generated for a
 * bundle, so a unit test can assert that every plug-in is registered under the service and
 * {@code name} property the platform looks up. In a Maven build bnd runs before the tests, so
 * the descriptors are in {@code target/classes}.
 */
public final class ComponentDescriptors {

    /**
     * One component as its descriptor declares it.
     *
     * @param implementation the implementation class name
     * @param services       the provided service interface names
     * @param properties     the component properties, single-valued, by name
     */
    public record Descriptor(String implementation, List<String> services, Map<String, String> properties) {

        public Descriptor {
            services = List.copyOf(services);
            properties = Map.copyOf(properties);
        }

        /** Whether the component registers {@code service}. */
        public boolean provides(Class<?> service) {
            return services.contains(service.getName());
        }
    }

    private ComponentDescriptors() {
    }

    /**
     * The descriptors of the bundle (class folder or jar) that holds {@code anyClass}.
     *
     * @throws IllegalStateException when the location cannot be read or a descriptor is malformed
     */
    public static List<Descriptor> of(Class<?> anyClass) {
        try {
            Path location = Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return read(location.resolve("OSGI-INF"));
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return read(jar.getPath("OSGI-INF"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + anyClass.getName(), e);
        }
    }

    /** The descriptors among {@link #of} that provide {@code service}. */
    public static List<Descriptor> providing(Class<?> service, Class<?> anyClass) {
        return of(anyClass).stream().filter(d -> d.provides(service)).toList();
    }

    /** The descriptors in {@code folder}, by file name; none when the folder does not exist. */
    static List<Descriptor> read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Descriptor> descriptors = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                descriptors.add(parse(file));
            }
        }
        return descriptors;
    }

    private static Descriptor parse(Path file) throws IOException {
        Document xml;
        try (InputStream in = Files.newInputStream(file)) {
            xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Element p : elements(xml, "property")) {
            String value = p.hasAttribute("value") ? p.getAttribute("value") : p.getTextContent().trim();
            properties.put(p.getAttribute("name"), value);
        }
        List<String> services = elements(xml, "provide").stream().map(e -> e.getAttribute("interface")).toList();
        List<Element> implementation = elements(xml, "implementation");
        String implementationClass = implementation.isEmpty() ? "" : implementation.get(0).getAttribute("class");
        return new Descriptor(implementationClass, services, properties);
    }

    private static List<Element> elements(Document xml, String tag) {
        NodeList nodes = xml.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }
}
