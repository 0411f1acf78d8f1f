package dev.dendrite.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import dev.dendrite.launcher.BundleRef;
import dev.dendrite.launcher.FeatureFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.ops4j.pax.exam.Option;

/**
 * The Pax Exam configuration of the real distribution: exactly the bundles of the features file
 * the launcher assembled (launcher/target/dendrite), at their start levels, from its system/
 * folder. No second list of bundles is kept here.
 */
final class Distribution {

    /** The system property that tells the tests in the container which bundles the feature has. */
    static final String BUNDLES = "dendrite.bundles";

    private Distribution() {
    }

    private static String symbolicName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim();
        }
    }

    static Path home() {
        return Path.of(System.getProperty("dendrite.dist", "../launcher/target/dendrite")).toAbsolutePath().normalize();
    }

    static Option[] options() {
        try {
            FeatureFile features = FeatureFile.read(home().resolve("etc/features.xml"), home().resolve("system"));
            Path deploy = Files.createTempDirectory("dendrite-itest-deploy");
            List<Option> options = new ArrayList<>();
            options.add(cleanCaches());
            options.add(junitBundles());
            options.add(frameworkStartLevel(100));
            options.add(frameworkProperty("gosh.args").value("--nointeractive"));
            options.add(frameworkProperty("felix.fileinstall.dir").value(deploy.toString()));
            options.add(frameworkProperty("dendrite.home").value(Files.createTempDirectory("dendrite-itest-home").toString()));
            options.add(frameworkProperty("felix.fileinstall.poll").value("500"));
            // as the launcher sets them (Launcher.configuration): the web console's HTTP server starts disabled, on loopback
            options.add(frameworkProperty("org.apache.felix.http.enable").value("false"));
            options.add(frameworkProperty("org.apache.felix.https.enable").value("false"));
            options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
            options.add(frameworkProperty("org.osgi.service.http.port").value("8181"));
            options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
            options.add(systemProperty("swish.jar").value(System.getProperty("swish.jar")));
            options.add(systemProperty("lion.jar").value(System.getProperty("lion.jar")));
            options.add(systemProperty("relu.jar").value(System.getProperty("relu.jar")));
            options.add(systemProperty("tpe.jar").value(System.getProperty("tpe.jar")));
            List<String> symbolicNames = new ArrayList<>();
            for (BundleRef ref : features.bundles(List.of("dendrite"))) {
                Path jar = ref.path(home().resolve("system"));
                options.add(bundle(jar.toUri().toString()).startLevel(ref.startLevel()));
                symbolicNames.add(symbolicName(jar));
            }
            options.add(systemProperty(BUNDLES).value(String.join(",", symbolicNames)));
            return options.toArray(new Option[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
