package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/**
 * The assembled distribution ({@code target/dendrite}, built before the tests) agrees with its
 * features file: every bundle a feature names is in {@code system/}, and {@code system/} holds
 * no other jar (beside them it has only the Maven metadata files of its repository layout); and
 * the file is valid Karaf features XML (schema copied from org.apache.karaf.features.core 4.4.7).
 */
class DistributionTest {

    private Path dist;
    private Path system;
    private FeatureFile features;

    @BeforeEach
    void readDistribution() throws IOException {
        dist = Path.of(System.getProperty("dendrite.dist", "target/dendrite"));
        system = dist.resolve("system");
        features = FeatureFile.read(dist.resolve("etc/features.xml"), system);
    }

    private Set<Path> bundleFiles(List<String> featureNames) {
        return features.bundles(featureNames).stream().map(ref -> ref.path(system))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyBundleOfEveryFeatureIsInSystem() {
        Set<Path> missing = bundleFiles(List.copyOf(features.names()));
        missing.removeIf(Files::isRegularFile);

        assertTrue(missing.isEmpty(), "bundles named in etc/features.xml but missing from system/ "
                + "(add them to the dependencies of features/pom.xml): " + missing);
    }

    @Test
    void systemHoldsOnlyBundlesOfTheFeatures() throws IOException {
        Set<Path> named = bundleFiles(List.copyOf(features.names()));
        Set<Path> unnamed;
        try (Stream<Path> files = Files.walk(system)) {
            unnamed = files.filter(file -> file.toString().endsWith(".jar")).filter(file -> !named.contains(file))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertTrue(unnamed.isEmpty(), "jars in system/ that no feature names "
                + "(remove them from features/pom.xml or add them to feature.xml): " + unnamed);
    }

    @Test
    void featuresFilesAreValidKarafFeaturesXml() throws IOException, SAXException {
        Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/karaf-features-1.6.0.xsd")).newValidator();

        validator.validate(new StreamSource(dist.resolve("etc/features.xml").toFile())); // throws if invalid
        validator.validate(new StreamSource(karafRepository().toFile()));
    }

    /** The repository Karaf users add, as the launcher's features file names it. */
    private Path karafRepository() {
        return new BundleRef("mvn:dev.dendrite/dendrite-features/" + version() + "/xml/features", 0).path(system);
    }

    private String version() {
        return features.bundles(List.of("dendrite-core")).get(0).url().replaceAll(".*/", "");
    }

    @Test
    void theKarafRepositoryOffersOnlyDendritesBundlesNotTheLaunchersRuntime() throws IOException {
        FeatureFile karaf = FeatureFile.read(karafRepository());

        assertTrue(karaf.names().containsAll(Set.of("dendrite-core", "dendrite-shell", "dendrite-demo", "dendrite-tpe")), karaf.names().toString());
        assertFalse(karaf.names().contains("dendrite-runtime") || karaf.names().contains("dendrite"), karaf.names().toString());
        Set<BundleRef> offered = Set.copyOf(karaf.bundles(List.copyOf(karaf.names())));
        List<BundleRef> runtime = features.bundles(List.of("dendrite-runtime"));
        assertTrue(runtime.stream().noneMatch(offered::contains), "the launcher's runtime offered to Karaf: " + runtime);
        assertTrue(runtime.stream().anyMatch(b -> b.url().contains("pax-logging-log4j2")), runtime.toString());
    }

    @Test
    void everyConfigurationFileIsInSystemAndGoesToEtc() {
        List<FeatureFile.ConfigFile> files = features.configFiles(List.copyOf(features.names()));

        assertEquals(List.of("train.cfg", "studies.cfg", "ejml.mt.config"),
                files.stream().map(f -> f.target(dist.resolve("etc")).getFileName().toString().replace("dev.dendrite.", "")
                        .replace("math.", "")).toList());
        files.forEach(f -> assertTrue(Files.isRegularFile(new BundleRef(f.url(), 0).path(system)), f.url()));
    }

    @Test
    void theDefaultFeatureHasEveryBundle() {
        assertEquals(bundleFiles(List.copyOf(features.names())), bundleFiles(List.of(Options.DEFAULT_FEATURE)));
    }
}
