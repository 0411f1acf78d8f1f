package dev.dendrite.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A features file in the Apache Karaf features format (namespace {@value #NAMESPACE}): named
 * features, each made of bundles ({@code <bundle start-level="n">mvn:…</bundle>}) and of other
 * features it includes ({@code <feature>name</feature>}). An included dependency feature that the
 * file does not define ({@code <feature dependency="true">scr</feature>}) is one of the container
 * that Karaf installs when needed: here it is left out, the launcher's own runtime feature
 * standing in for it. Other Karaf elements are ignored.
 */
public final class FeatureFile {

    /** The XML namespace of Karaf features 1.6.0. */
    public static final String NAMESPACE = "http://karaf.apache.org/xmlns/features/v1.6.0";

    /** Start level of a bundle that states none (Karaf's default; also the framework's initial bundle start level). */
    public static final int DEFAULT_START_LEVEL = 80;

    private record Include(String name, boolean dependency) {
    }

    private record Feature(List<Include> includes, List<BundleRef> bundles) {
    }

    private final Path file;
    private final Map<String, Feature> features;

    private FeatureFile(Path file, Map<String, Feature> features) {
        this.file = file;
        this.features = features;
    }

    /**
     * Reads a features file.
     *
     * @throws IllegalArgumentException if the file is not a Karaf features document or a start level is not a number
     * @throws IOException if the file cannot be read or is not well-formed XML
     */
    public static FeatureFile read(Path file) throws IOException {
        Element root = parse(file);
        if (!"features".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            throw new IllegalArgumentException(file + ": the root element must be <features xmlns=\"" + NAMESPACE + "\">");
        }
        Map<String, Feature> features = new LinkedHashMap<>();
        for (Element feature : children(root, "feature")) {
            List<Include> includes = new ArrayList<>();
            List<BundleRef> bundles = new ArrayList<>();
            for (Element included : children(feature, "feature")) {
                boolean dependency = Set.of("true", "1").contains(included.getAttribute("dependency").trim()); // xs:boolean
                includes.add(new Include(included.getTextContent().trim(), dependency));
            }
            for (Element bundle : children(feature, "bundle")) {
                bundles.add(new BundleRef(bundle.getTextContent().trim(), startLevel(file, bundle)));
            }
            features.put(feature.getAttribute("name"), new Feature(includes, bundles));
        }
        return new FeatureFile(file, features);
    }

    /** The names of the features, in file order. */
    public Set<String> names() {
        return features.keySet();
    }

    /**
     * The bundles of the given features and of the features they include, recursively; each bundle
     * once (at its first occurrence), included features before a feature's own bundles; without
     * the container's dependency features (those the file does not define).
     *
     * @throws IllegalArgumentException if a feature is unknown, naming the available ones
     */
    public List<BundleRef> bundles(List<String> names) {
        Map<String, BundleRef> bundles = new LinkedHashMap<>();
        Set<String> visited = new LinkedHashSet<>();
        for (String name : names) {
            collect(name, visited, bundles);
        }
        return List.copyOf(bundles.values());
    }

    private void collect(String name, Set<String> visited, Map<String, BundleRef> bundles) {
        Feature feature = features.get(name);
        if (feature == null) {
            throw new IllegalArgumentException("unknown feature '" + name + "' in " + file
                    + "; available: " + String.join(", ", features.keySet()));
        }
        if (!visited.add(name)) {
            return;
        }
        for (Include included : feature.includes()) {
            boolean ofContainer = included.dependency() && !features.containsKey(included.name());
            if (!ofContainer) {
                collect(included.name(), visited, bundles);
            }
        }
        for (BundleRef bundle : feature.bundles()) {
            bundles.putIfAbsent(bundle.url(), bundle);
        }
    }

    private static int startLevel(Path file, Element bundle) {
        String level = bundle.getAttribute("start-level");
        if (level.isEmpty()) {
            return DEFAULT_START_LEVEL;
        }
        try {
            return Integer.parseInt(level);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": bundle " + bundle.getTextContent().trim()
                    + " has start-level '" + level + "', not a number");
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())
                    && NAMESPACE.equals(element.getNamespaceURI())) {
                children.add(element);
            }
        }
        return children;
    }

    private static Element parse(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws on errors instead of also printing them
            return builder.parse(file.toFile()).getDocumentElement();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        } catch (SAXException e) {
            throw new IOException(file + ": not well-formed XML: " + e.getMessage(), e);
        }
    }
}
