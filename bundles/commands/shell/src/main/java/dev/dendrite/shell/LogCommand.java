package dev.dendrite.shell;

import dev.dendrite.options.CommandCatalog;
import dev.dendrite.options.CommandException;
import dev.dendrite.options.CommandSyntax;
import dev.dendrite.options.Completion;
import dev.dendrite.options.Option;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code ml:log}: the end of the platform's log file. The file is {@code dendrite.log} in the
 * folder the {@code dendrite.log} framework property names (the launcher's {@code log/}), or,
 * in Apache Karaf, Karaf's {@code karaf.log} in {@code ${karaf.log}}.
 */
@Component(service = {LogCommand.class, CommandCatalog.class}, property = {
        "osgi.command.scope=ml",
        "osgi.command.function=log"})
public final class LogCommand implements CommandCatalog {
    static final int LINES_DEFAULT = 40;
    static final Option<Integer> LINES = Option.positiveInteger("lines", "how many entries (an entry with its stack trace counts as one)");
    static final Option<String> LEVEL = Option.of("level", "LEVEL", "the least level shown: " + String.join(", ", LogTail.LEVELS),
            text -> {
                String level = text.trim().toLowerCase(Locale.ROOT);
                if (!LogTail.LEVELS.contains(level)) {
                    throw new IllegalArgumentException("is not a level: " + String.join(", ", LogTail.LEVELS));
                }
                return level;
            }).completion(Completion.of(LogTail.LEVELS.toArray(new String[0])));
    static final CommandSyntax LOG = CommandSyntax.command("ml:log", "shows the end of the platform's log: plug-ins bound and unbound,"
            + " bundles deployed, configuration changes, models saved, failed trials with their stack traces")
            .option(LINES).option(LEVEL).build();

    private final Path file;

    @Activate
    public LogCommand(BundleContext context) {
        this.file = file(context.getProperty("dendrite.log"), context.getProperty("karaf.log"));
    }

    /** The log file: {@code dendrite.log} in the folder {@code dendriteLog}, else Karaf's {@code karaf.log} in {@code karafLog}; null if neither is set. */
    static Path file(String dendriteLog, String karafLog) {
        if (dendriteLog != null && !dendriteLog.isBlank()) {
            return Path.of(dendriteLog.trim(), "dendrite.log");
        }
        return karafLog == null || karafLog.isBlank() ? null : Path.of(karafLog.trim(), "karaf.log");
    }

    @Override
    public List<CommandSyntax> commands() {
        return List.of(LOG);
    }

    @Descriptor("shows the end of the platform's log")
    public Object log(@Descriptor("[--lines N] [--level LEVEL]") String... words) {
        return LOG.run(words, option -> option == LINES ? Integer.toString(LINES_DEFAULT) : option == LEVEL ? "trace" : null,
                arguments -> {
                    if (file == null) {
                        throw new CommandException("ml:log: no log file: the framework property dendrite.log names none");
                    }
                    if (!Files.isRegularFile(file)) {
                        throw new CommandException("ml:log: the log file " + file + " does not exist (yet)");
                    }
                    try {
                        List<String> entries = LogTail.of(file, arguments.get(LINES, LINES_DEFAULT), arguments.get(LEVEL, "trace"));
                        return entries.isEmpty() ? "no entries at that level in " + file : String.join(System.lineSeparator(), entries);
                    } catch (IOException e) {
                        throw new CommandException("ml:log: cannot read " + file + ": " + e.getMessage(), e);
                    }
                });
    }
}
