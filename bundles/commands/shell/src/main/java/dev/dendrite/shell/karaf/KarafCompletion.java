package dev.dendrite.shell.karaf;

import dev.dendrite.shell.CompletionCommands;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Parser;
import org.apache.karaf.shell.api.console.Registry;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Tab completion of the {@code ml} commands' options and values in Apache Karaf's console, from
 * the same source as the launcher's console ({@link CompletionCommands}: the commands' syntax and
 * the live registry). Karaf wraps each Gogo command in a command of its own without a completer,
 * and asks every command's completer at each Tab; so this hidden command, {@code ml:_complete},
 * registered in Karaf's shell registry, completes the words of every {@code ml} command line.
 * Enabled only in Karaf ({@link KarafPresence}), where it waits for Karaf's {@link SessionFactory}.
 */
@Component(service = {}, enabled = false)
public final class KarafCompletion implements Command, Completer {

    private final Registry registry;
    private final CompletionCommands completion;

    @Activate
    public KarafCompletion(@Reference SessionFactory sessions, @Reference CompletionCommands completion) {
        this.registry = sessions.getRegistry();
        this.completion = completion;
        registry.register(this);
    }

    @Deactivate
    void unregister() {
        registry.unregister(this);
    }

    @Override
    public String getScope() {
        return "ml";
    }

    @Override
    public String getName() {
        return "_complete";
    }

    @Override
    public String getDescription() {
        return "the candidates Tab offers for the last word of an ml command line (Tab in Karaf's console)";
    }

    /** The candidates of the last of {@code arguments} (a command line's words, the command first), one a line. */
    @Override
    public Object execute(Session session, List<Object> arguments) {
        List<String> words = arguments.stream().map(String::valueOf).toList();
        if (words.size() < 2) {
            return null; // the command's name is Karaf's to complete
        }
        List<Candidate> candidates = new ArrayList<>();
        candidates(words.subList(0, words.size() - 1), words.get(words.size() - 1), candidates);
        return candidates.stream().map(Candidate::value).filter(v -> v.startsWith(words.get(words.size() - 1)))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public Completer getCompleter(boolean scoped) {
        return this;
    }

    @Override
    public Parser getParser() {
        return null;
    }

    @Override
    public int complete(Session session, CommandLine line, List<String> candidates) {
        List<Candidate> all = new ArrayList<>();
        completeCandidates(session, line, all);
        all.forEach(candidate -> candidates.add(candidate.value()));
        return line.getBufferPosition() - line.getArgumentPosition();
    }

    /** The word under the cursor (not the command's name, which Karaf completes) of a line of an ml command. */
    @Override
    public void completeCandidates(Session session, CommandLine line, List<Candidate> candidates) {
        int index = line.getCursorArgumentIndex();
        if (index <= 0) {
            return;
        }
        List<String> words = Arrays.asList(line.getArguments());
        String typed = index < words.size() ? line.getCursorArgument().substring(0, line.getArgumentPosition()) : "";
        candidates(words.subList(0, Math.min(index, words.size())), typed, candidates);
    }

    /** The candidates after {@code before} (the command first) of a word that starts with {@code typed}. */
    private void candidates(List<String> before, String typed, List<Candidate> candidates) {
        String command = before.get(0).contains(":") ? before.get(0) : "ml:" + before.get(0);
        if (typed.startsWith("-")) {
            for (Map<String, String> option : completion._options()) {
                if (option.get("command").equals(command)) {
                    String name = "--" + option.get("option");
                    candidates.add(new Candidate(name, name, null, option.get("description"), null, null, true));
                }
            }
            return;
        }
        List<String> words = new ArrayList<>(before);
        words.set(0, command);
        for (String value : completion._values(words, typed)) {
            candidates.add(new Candidate(value, value, null, null, null, null, !value.endsWith("/")));
        }
    }
}
