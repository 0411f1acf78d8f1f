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
 * features, each made of bundles ({@code <bundle start-level="n">mvn:…</bundle>}), of
 * configuration files ({@code <configfile finalname="${karaf.etc}/x.cfg">mvn:…</configfile>}) and
 * of other features it includes ({@code <feature>name</feature>}), with the features of the
 * repositories it names ({@code <repository>mvn:…</repository>}, read from a folder in Maven
 * repository layout). An included dependency feature that no file defines
 * ({@code <feature dependency="true">scr</feature>}) is one of the container that Karaf installs
 * when needed: here it is left out, the launcher's own runtime feature standing in for it. Other
 * Karaf elements are ignored.
 */
public final class FeatureFile {

    /** The XML namespace of Karaf features 1.6.0. */
    public static final String NAMESPACE = "http://karaf.apache.org/xmlns/features/v1.6.0";

    /** Start level of a bundle that states none (Karaf's default; also the framework's initial bundle start level). */
    public static final int DEFAULT_START_LEVEL = 80;

    private record Include(String name, boolean dependency) {
    }

    private record Feature(List<Include> includes, List<BundleRef> bundles, List<ConfigFile> configFiles) {
    }

    /**
     * A configuration file of a feature: its Maven URL and where it goes, a path that starts with
     * {@value #ETC} (Karaf's etc/ folder).
     */
    public record ConfigFile(String url, String finalName) {
        /** How a final name names the container's etc/ folder. */
        public static final String ETC = "${karaf.etc}";

        /**
         * Where the file goes in a distribution whose configuration folder is {@code etc}.
         *
         * @throws IllegalArgumentException if the final name is not under {@value #ETC}
         */
        public Path target(Path etc) {
            if (!finalName.startsWith(ETC + "/") || finalName.contains("..")) {
                throw new IllegalArgumentException("configfile " + url + ": finalname '" + finalName
                        + "' is not a file under " + ETC);
            }
            return etc.resolve(finalName.substring(ETC.length() + 1));
        }
    }

    private final Path file;
    private final Map<String, Feature> features;

    private FeatureFile(Path file, Map<String, Feature> features) {
        this.file = file;
        this.features = features;
    }

    /**
     * Reads a features file that names no repository.
     *
     * @throws IllegalArgumentException if the file is not a Karaf features document, a start level
     *                                  is not a number or the file names a repository
     * @throws IOException if the file cannot be read or is not well-formed XML
     */
    public static FeatureFile read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads a features file and the repositories it names, recursively, from {@code repository}.
     *
     * @param repository the folder in Maven repository layout that holds the named repositories
     *                   (a distribution's system/), or null if the file names none
     * @throws IllegalArgumentException if a file is not a Karaf features document, a start level is
     *                                  not a number, or two files define one feature
     * @throws IOException if a file cannot be read or is not well-formed XML
     */
    public static FeatureFile read(Path file, Path repository) throws IOException {
        Map<String, Feature> features = new LinkedHashMap<>();
        collectFile(file, repository, features, new LinkedHashSet<>());
        return new FeatureFile(file, features);
    }

    private static void collectFile(Path file, Path repository, Map<String, Feature> features, Set<Path> read)
            throws IOException {
        if (!read.add(file.toAbsolutePath().normalize())) {
            return;
        }
        Element root = parse(file);
        if (!"features".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            throw new IllegalArgumentException(file + ": the root element must be <features xmlns=\"" + NAMESPACE + "\">");
        }
        for (Element feature : children(root, "feature")) {
            List<Include> includes = new ArrayList<>();
            List<BundleRef> bundles = new ArrayList<>();
            List<ConfigFile> configFiles = new ArrayList<>();
            for (Element included : children(feature, "feature")) {
                boolean dependency = Set.of("true", "1").contains(included.getAttribute("dependency").trim()); // xs:boolean
                includes.add(new Include(included.getTextContent().trim(), dependency));
            }
            for (Element bundle : children(feature, "bundle")) {
                bundles.add(new BundleRef(bundle.getTextContent().trim(), startLevel(file, bundle)));
            }
            for (Element config : children(feature, "configfile")) {
                configFiles.add(new ConfigFile(config.getTextContent().trim(), config.getAttribute("finalname").trim()));
            }
            String name = feature.getAttribute("name");
            if (features.putIfAbsent(name, new Feature(includes, bundles, configFiles)) != null) {
                throw new IllegalArgumentException(file + ": feature '" + name + "' is defined twice");
            }
        }
        for (Element named : children(root, "repository")) {
            String url = named.getTextContent().trim();
            if (repository == null) {
                throw new IllegalArgumentException(file + ": names the repository " + url + ", and no folder to find it in was given");
            }
            collectFile(new BundleRef(url, DEFAULT_START_LEVEL).path(repository), repository, features, read);
        }
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
        for (String name : included(names)) {
            for (BundleRef bundle : features.get(name).bundles()) {
                bundles.putIfAbsent(bundle.url(), bundle);
            }
        }
        return List.copyOf(bundles.values());
    }

    /** The configuration files of the given features and of the features they include, recursively, each once. */
    public List<ConfigFile> configFiles(List<String> names) {
        Set<ConfigFile> files = new LinkedHashSet<>();
        for (String name : included(names)) {
            files.addAll(features.get(name).configFiles());
        }
        return List.copyOf(files);
    }

    /** The given features and those they include, included ones first, without the container's. */
    private List<String> included(List<String> names) {
        Set<String> visited = new LinkedHashSet<>();
        List<String> ordered = new ArrayList<>();
        for (String name : names) {
            collect(name, visited, ordered);
        }
        return ordered;
    }

    private void collect(String name, Set<String> visited, List<String> ordered) {
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
                collect(included.name(), visited, ordered);
            }
        }
        ordered.add(name);
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
