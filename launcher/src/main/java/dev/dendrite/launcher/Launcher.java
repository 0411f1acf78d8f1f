package dev.dendrite.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Runs a distribution: starts an embedded Apache Felix framework, installs the bundles of the
 * chosen features from {@code home/system} at their start levels and starts them, with
 * FileInstall watching {@code home/deploy} (bundles) and {@code home/etc} ({@code .cfg} files
 * for ConfigAdmin). Then either waits until the framework stops (the interactive Gogo shell
 * stops it on {@code exit}) or runs Gogo command lines and stops it. The framework's storage is
 * {@code home/cache/<pid>}: one per process, so that several can run at once; deleted at exit, and
 * those of processes killed before are deleted at the next start ({@link FrameworkStorage}).
 */
final class Launcher {

    /** Symbolic name of the bundle of the {@code ml} commands: in {@code -c} mode they must be there before the commands run. */
    static final String SHELL_BUNDLE = "dev.dendrite.shell";

    private static final String GOGO_RUNTIME = "org.apache.felix.gogo.runtime";
    private static final String GOGO_SHELL = "org.apache.felix.gogo.jline";
    /** The framework property naming the console's history file, which etc/gosh_profile gives JLine. */
    private static final String HISTORY = "dendrite.history";
    /** JLine's system property naming the terminal provider ({@code TerminalBuilder.PROP_PROVIDER}). */
    private static final String JLINE_PROVIDER = "org.jline.terminal.provider";
    /** The framework property naming the log's folder, which etc/org.ops4j.pax.logging.cfg and ml:log read. */
    private static final String LOG_FOLDER = "dendrite.log";

    private static final int BEGINNING_START_LEVEL = 100;
    private static final long SERVICE_TIMEOUT_MS = 30_000;
    private static final long DEPLOY_TIMEOUT_MS = 10_000;
    private static final long STOP_TIMEOUT_MS = 30_000;

    private final Path home;
    private final PrintStream out;
    private final PrintStream err;
    private final Interruption interruption = new Interruption(() -> System.exit(Interruption.STATUS));

    /**
     * @param home the distribution directory
     * @param out  where command results and output go
     * @param err  where errors and logs go
     */
    Launcher(Path home, PrintStream out, PrintStream err) {
        this.home = home;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the features: interactively when {@code commands} is empty, else runs the commands.
     *
     * @return the exit status: 0 on success, 1 if a command failed, {@value Interruption#STATUS} if a
     *         signal (Ctrl-C, SIGTERM) stopped the commands
     */
    int run(List<String> features, List<String> commands) throws Exception {
        FeatureFile file = FeatureFile.read(home.resolve("etc/features.xml"), home.resolve("system"));
        List<BundleRef> bundles = file.bundles(features);
        boolean interactive = commands.isEmpty();
        if (!interactive) {
            interruption.install();
            // the console bundle still starts (it brings Gogo's builtins: echo, each, grep…) but stays off the terminal
            System.setProperty(JLINE_PROVIDER, System.getProperty(JLINE_PROVIDER, "dumb"));
        }
        installConfigFiles(file.configFiles(features));
        Files.createDirectories(home.resolve("deploy"));
        Files.createDirectories(home.resolve("models"));

        FrameworkStorage storages = new FrameworkStorage(home.resolve("cache"));
        storages.removeStale();
        Path cache = storages.of(ProcessHandle.current().pid());
        Map<String, Object> config = configuration(cache, interactive);
        Framework framework = new Felix(config);
        framework.init();
        storages.markOwned();
        if (interactive) {
            createOwnerOnly(Path.of((String) config.get(HISTORY)));
            framework.getBundleContext().addBundleListener(new ConsoleClassLoader(GOGO_SHELL));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(framework, cache), "dendrite shutdown"));
        try {
            install(framework.getBundleContext(), bundles);
            framework.start(); // returns once the beginning start level is reached
            if (interactive) {
                if (bundle(framework.getBundleContext(), GOGO_SHELL) == null) {
                    err.println("dendrite: running " + String.join(", ", features) + " without a shell; Ctrl-C stops it");
                } else {
                    keepConsoleOutputOpen(framework.getBundleContext());
                }
                framework.waitForStop(0);
                return 0;
            }
            return runCommands(framework.getBundleContext(), commands);
        } finally {
            shutdown(framework, cache);
        }
    }

    private Map<String, Object> configuration(Path cache, boolean interactive) {
        Map<String, Object> config = new HashMap<>();
        // a system property of the same name overrides each of these (java -Dname=value -jar ...)
        Map<String, String> defaults = new HashMap<>();
        defaults.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        defaults.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        defaults.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, String.valueOf(BEGINNING_START_LEVEL));
        defaults.put("felix.startlevel.bundle", String.valueOf(FeatureFile.DEFAULT_START_LEVEL));
        defaults.put("dendrite.home", home.toString());
        defaults.put(HISTORY, home.resolve("history").toString());
        defaults.put("gosh.home", home.toString());
        // etc/ holds the configuration (.cfg, .config); deploy/ is watched by the FileInstall
        // configuration etc/org.apache.felix.fileinstall-deploy.cfg, so its poll interval applies live
        defaults.put("felix.fileinstall.dir", home.resolve("etc").toString());
        defaults.put("felix.fileinstall.filter", ".*\\.(cfg|config)");
        defaults.put("felix.fileinstall.poll", "1000");
        defaults.put("felix.fileinstall.noInitialDelay", "true");
        defaults.put("felix.fileinstall.log.default", "jul");
        defaults.put("felix.fileinstall.log.level", "3"); // installs, updates and failures of deploy/ (as Karaf)
        // the log (etc/org.ops4j.pax.logging.cfg): log/dendrite.log, warnings and errors on the console
        defaults.put(LOG_FOLDER, home.resolve("log").toString());
        defaults.put("dendrite.log.console", "WARN");
        defaults.put("org.ops4j.pax.logging.DefaultServiceLog.level", "ERROR"); // until the configuration is read
        defaults.put("felix.log.level", "2"); // the framework's warnings and errors
        // on install, refresh only deployed bundles: refreshing ConfigAdmin for an optional
        // import (scope "all", the default) deadlocks FileInstall 3.7.4
        defaults.put("felix.fileinstall.optionalImportRefreshScope", "managed");
        // the web console's HTTP server (Felix HTTP Jetty) starts disabled, on loopback; ml:web start enables it
        // (the Pax Exam tests set the same: itests Distribution)
        defaults.put("org.apache.felix.http.enable", "false");
        defaults.put("org.apache.felix.https.enable", "false");
        defaults.put("org.apache.felix.http.host", "127.0.0.1");
        defaults.put("org.osgi.service.http.port", "8181");
        // commands draw progress in place only when what they print reaches a terminal
        defaults.put("dendrite.terminal", String.valueOf(outputIsTerminal()));
        // -c: no console; interactive: the history file is the distribution's, set by etc/gosh_profile
        defaults.put("gosh.args", interactive ? "--nohistory" : "--nointeractive");
        defaults.forEach((name, value) -> config.put(name, System.getProperty(name, value)));
        config.put("felix.log.logger", new FrameworkLog(err));
        return config;
    }

    /** Whether standard input and output are a terminal (JDK 22+ has a console even when they are not: ask it). */
    static boolean outputIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before JDK 22 there is a console only on a terminal
        }
    }

    /** Creates {@code file}, unless it exists, readable and writable by its owner only: a console's history may hold secrets typed on a command line. */
    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.notExists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
    }

    /**
     * Copies the features' configuration files from system/ into etc/, those not there yet (as
     * Karaf does when it installs a feature): a file edited or deleted keeps the user's choice.
     */
    private void installConfigFiles(List<FeatureFile.ConfigFile> files) throws IOException {
        for (FeatureFile.ConfigFile file : files) {
            Path target = file.target(home.resolve("etc"));
            if (Files.notExists(target)) {
                Path source = new BundleRef(file.url(), FeatureFile.DEFAULT_START_LEVEL).path(home.resolve("system"));
                if (!Files.isRegularFile(source)) {
                    throw new IllegalStateException("configuration file " + file.url() + " is missing from the distribution: no "
                            + source + " (rebuild it: ./dendrite, or mvn install -pl launcher -am)");
                }
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
            }
        }
    }

    private void install(BundleContext context, List<BundleRef> bundles) throws BundleException {
        Path system = home.resolve("system");
        for (BundleRef ref : bundles) {
            Path file = ref.path(system);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("bundle " + ref.url() + " is missing from the distribution: no "
                        + file + " (rebuild it: ./dendrite, or mvn install -pl launcher -am)");
            }
            Bundle bundle = context.installBundle(file.toUri().toString());
            bundle.adapt(BundleStartLevel.class).setStartLevel(ref.startLevel());
            if (!isFragment(bundle)) {
                bundle.start(); // marks it to start when the framework reaches its start level
            }
        }
    }

    private int runCommands(BundleContext context, List<String> commands) throws Exception {
        Bundle gogo = bundle(context, GOGO_RUNTIME);
        if (gogo == null || gogo.getState() != Bundle.ACTIVE) {
            throw new IllegalStateException("-c needs the Gogo runtime (" + GOGO_RUNTIME
                    + "), which is not running: start a feature with it, such as dendrite-runtime");
        }
        ServiceReference<?> processor = await(context, "(objectClass=" + GogoSession.PROCESSOR + ")",
                "the Gogo command processor is not registered");
        Bundle shell = bundle(context, SHELL_BUNDLE);
        if (shell != null) {
            if (shell.getState() != Bundle.ACTIVE) {
                throw new IllegalStateException("bundle " + SHELL_BUNDLE + " did not start (see the framework errors above)");
            }
            await(context, "(osgi.command.scope=ml)", "the ml commands are not registered: a service they need is missing"
                    + " (run ./dendrite and type scr:list to see which)");
        }
        awaitDeployed(context);
        try (GogoSession session = GogoSession.open(context, processor, new ByteArrayInputStream(new byte[0]), out, err)) {
            for (String command : commands) {
                for (String statement : Statements.split(command)) {
                    if (interruption.happened() || !execute(session, statement)) {
                        return interruption.happened() ? Interruption.STATUS : 1;
                    }
                }
            }
        }
        return interruption.happened() ? Interruption.STATUS : 0;
    }

    /**
     * Runs one statement, printing its value unless null, or its error; returns whether it
     * succeeded. The error of a statement a signal stopped is the command's own word on it
     * (such as what it kept), without {@code error: }.
     */
    private boolean execute(GogoSession session, String statement) {
        try {
            Object value = interruption.during(() -> session.execute(statement));
            if (value != null) {
                String text = session.format(value);
                out.print(text.endsWith("\n") ? text : text + "\n");
            }
            return true;
        } catch (Exception e) {
            out.flush();
            err.println(interruption.happened() ? message(e) : "error: " + message(e));
            return false;
        } finally {
            out.flush();
        }
    }

    /**
     * Keeps the console's output open when Ctrl-C interrupts a command ({@link SessionOutput}): the
     * console made its session as it started, within the framework's start.
     */
    private static void keepConsoleOutputOpen(BundleContext context) throws ReflectiveOperationException {
        ServiceReference<?> processor = context.getServiceReference(GogoSession.PROCESSOR);
        if (processor != null) {
            SessionOutput.keepOpenInEverySession(context.getService(processor));
        }
    }

    /**
     * Waits until FileInstall has started the bundles in {@code deploy/} (it does so in its own
     * thread), so that the commands see their plug-ins; warns about those not active in time.
     */
    private void awaitDeployed(BundleContext context) throws IOException, InterruptedException {
        Set<String> pending;
        try (Stream<Path> files = Files.list(home.resolve("deploy"))) {
            pending = files.filter(file -> file.toString().endsWith(".jar"))
                    .map(file -> file.toFile().toURI().normalize().toString()) // FileInstall's bundle location
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        long deadline = System.nanoTime() + DEPLOY_TIMEOUT_MS * 1_000_000;
        while (!pending.isEmpty()) {
            for (Bundle bundle : context.getBundles()) {
                if (bundle.getState() == Bundle.ACTIVE || isFragment(bundle) && bundle.getState() == Bundle.RESOLVED) {
                    pending.remove(bundle.getLocation());
                }
            }
            if (!pending.isEmpty() && System.nanoTime() > deadline) {
                err.println("warning: not active after " + DEPLOY_TIMEOUT_MS / 1000 + " s: " + pending);
                return;
            }
            Thread.sleep(20);
        }
    }

    /** The installed bundle of that symbolic name, or null. */
    private static Bundle bundle(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles())
                .filter(bundle -> symbolicName.equals(bundle.getSymbolicName())).findFirst().orElse(null);
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    /** Waits for a service matching {@code filter}, polling; fails with {@code failure} after the timeout. */
    private static ServiceReference<?> await(BundleContext context, String filter, String failure)
            throws InvalidSyntaxException, InterruptedException {
        long deadline = System.nanoTime() + SERVICE_TIMEOUT_MS * 1_000_000;
        while (true) {
            ServiceReference<?>[] references = context.getServiceReferences((String) null, filter);
            if (references != null) {
                return references[0];
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure + " [waited " + SERVICE_TIMEOUT_MS / 1000 + " s for " + filter + "]");
            }
            Thread.sleep(20);
        }
    }

    /** Stops the framework and deletes its storage; run at the end of {@link #run} or by the JVM's shutdown (Ctrl-C). */
    private synchronized void shutdown(Framework framework, Path cache) {
        try {
            if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                framework.stop();
                framework.waitForStop(STOP_TIMEOUT_MS);
            }
            FrameworkStorage.delete(cache);
        } catch (BundleException | IOException | InterruptedException e) {
            err.println("error: stopping the framework: " + message(e));
        }
    }

    /**
     * The message worth showing for a failure: that of the innermost exception that says more
     * than its cause (wrappers such as {@code new RuntimeException(cause)} repeat the cause's
     * text), or the exception's class name when none has a message.
     */
    static String message(Throwable failure) {
        Throwable shown = failure;
        while (shown.getCause() != null
                && (shown.getMessage() == null || shown.getMessage().equals(shown.getCause().toString()))) {
            shown = shown.getCause();
        }
        String message = shown.getMessage() != null ? shown.getMessage() : shown.getClass().getName();
        return argumentsMismatch(message);
    }

    /**
     * Gogo's message when no method of a command takes the arguments given ({@code Cannot coerce
     * train(Token, Token) to any of […]}), said in the user's terms: usually an unknown option, or
     * an option or argument too many or too few.
     */
    private static String argumentsMismatch(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^Cannot coerce (\\w+)\\(.*").matcher(message);
        if (!m.matches()) {
            return message;
        }
        String command = m.group(1);
        return "the arguments do not fit " + command + ": an unknown option, or a value or argument missing or too many"
                + " (help " + command + " lists its options)";
    }
}
