package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureFileTest {

    @TempDir
    Path dir;

    private FeatureFile write(String body) throws IOException {
        Path file = dir.resolve("features.xml");
        Files.writeString(file, "<features xmlns=\"" + FeatureFile.NAMESPACE + "\" name=\"test\">" + body + "</features>");
        return FeatureFile.read(file);
    }

    @Test
    void includedFeaturesComeFirstAndEachBundleOnce() throws IOException {
        FeatureFile features = write("""
                <feature name="base"><bundle start-level="5">mvn:g/a/1</bundle></feature>
                <feature name="top">
                  <feature>base</feature>
                  <bundle start-level="30">mvn:g/b/1</bundle>
                  <bundle>mvn:g/a/1</bundle>
                </feature>
                <feature name="all"><feature>top</feature><feature>base</feature></feature>
                """);

        assertEquals(List.of("base", "top", "all"), List.copyOf(features.names()));
        assertEquals(List.of(new BundleRef("mvn:g/a/1", 5), new BundleRef("mvn:g/b/1", 30)),
                features.bundles(List.of("all")));
        assertEquals(features.bundles(List.of("all")), features.bundles(List.of("top", "base")));
    }

    @Test
    void aNamedRepositoryIsReadFromTheRepositoryFolderWithItsConfigurationFiles() throws IOException {
        Path repository = dir.resolve("system");
        Path named = new BundleRef("mvn:g/platform/1/xml/features", 0).path(repository);
        Files.createDirectories(named.getParent());
        Files.writeString(named, "<features xmlns=\"" + FeatureFile.NAMESPACE + "\" name=\"platform\">"
                + "<feature name=\"core\"><feature dependency=\"true\">scr</feature><bundle start-level=\"30\">mvn:g/core/1</bundle>"
                + "<configfile finalname=\"${karaf.etc}/g.core.cfg\">mvn:g/platform/1/cfg/core</configfile></feature></features>");
        Path file = dir.resolve("launcher.xml");
        Files.writeString(file, "<features xmlns=\"" + FeatureFile.NAMESPACE + "\" name=\"launcher\">"
                + "<repository>mvn:g/platform/1/xml/features</repository>"
                + "<feature name=\"runtime\"><bundle start-level=\"10\">mvn:g/scr/1</bundle></feature>"
                + "<feature name=\"all\"><feature>runtime</feature><feature>core</feature></feature></features>");

        FeatureFile features = FeatureFile.read(file, repository);

        assertEquals(List.of("runtime", "all", "core"), List.copyOf(features.names()));
        assertEquals(List.of(new BundleRef("mvn:g/scr/1", 10), new BundleRef("mvn:g/core/1", 30)), features.bundles(List.of("all")));
        List<FeatureFile.ConfigFile> configs = features.configFiles(List.of("all"));
        assertEquals(List.of(new FeatureFile.ConfigFile("mvn:g/platform/1/cfg/core", "${karaf.etc}/g.core.cfg")), configs);
        assertEquals(dir.resolve("etc/g.core.cfg"), configs.get(0).target(dir.resolve("etc")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureFile.read(file));
        assertTrue(e.getMessage().contains("names the repository mvn:g/platform/1/xml/features"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FeatureFile.ConfigFile("mvn:x/y/1", "/etc/passwd").target(dir));
        assertThrows(IllegalArgumentException.class, () -> new FeatureFile.ConfigFile("mvn:x/y/1", "${karaf.etc}/../x").target(dir));
    }

    @Test
    void dependencyFeaturesOfTheContainerAreLeftOutAndThoseOfTheFileKept() throws IOException {
        FeatureFile features = write("""
                <feature name="runtime"><bundle>mvn:g/scr/1</bundle></feature>
                <feature name="core">
                  <feature dependency="true">scr</feature>
                  <feature dependency="1">runtime</feature>
                  <bundle>mvn:g/core/1</bundle>
                </feature>
                """);

        assertEquals(List.of(new BundleRef("mvn:g/scr/1", FeatureFile.DEFAULT_START_LEVEL),
                new BundleRef("mvn:g/core/1", FeatureFile.DEFAULT_START_LEVEL)), features.bundles(List.of("core")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> features.bundles(List.of("scr")));
        assertTrue(e.getMessage().contains("unknown feature 'scr'"), e.getMessage());
    }

    @Test
    void bundleWithoutStartLevelGetsTheDefault() throws IOException {
        FeatureFile features = write("<feature name=\"f\"><bundle> mvn:g/a/1 </bundle></feature>");

        assertEquals(List.of(new BundleRef("mvn:g/a/1", FeatureFile.DEFAULT_START_LEVEL)), features.bundles(List.of("f")));
    }

    @Test
    void unknownFeatureNamesTheAvailableOnes() throws IOException {
        FeatureFile features = write("<feature name=\"a\"/><feature name=\"b\"><feature>nope</feature></feature>");

        IllegalArgumentException direct = assertThrows(IllegalArgumentException.class, () -> features.bundles(List.of("x")));
        assertTrue(direct.getMessage().contains("unknown feature 'x'"), direct.getMessage());
        assertTrue(direct.getMessage().endsWith("available: a, b"), direct.getMessage());
        IllegalArgumentException included = assertThrows(IllegalArgumentException.class, () -> features.bundles(List.of("b")));
        assertTrue(included.getMessage().contains("unknown feature 'nope'"), included.getMessage());
    }

    @Test
    void badStartLevelIsReported() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> write("<feature name=\"f\"><bundle start-level=\"high\">mvn:g/a/1</bundle></feature>"));
        assertTrue(e.getMessage().contains("mvn:g/a/1 has start-level 'high'"), e.getMessage());
    }

    @Test
    void rejectsAnotherNamespace() throws IOException {
        Path file = dir.resolve("other.xml");
        Files.writeString(file, "<features><feature name=\"f\"/></features>");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureFile.read(file));
        assertTrue(e.getMessage().contains(FeatureFile.NAMESPACE), e.getMessage());
    }

    @Test
    void rejectsMalformedXml() throws IOException {
        Path file = dir.resolve("broken.xml");
        Files.writeString(file, "<features xmlns=\"" + FeatureFile.NAMESPACE + "\">");

        IOException e = assertThrows(IOException.class, () -> FeatureFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not well-formed XML"), e.getMessage());
    }
}
