package dev.dendrite.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.shell.karaf.KarafCompletion;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Registry;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Tab offers in Karaf's console: the candidates of the word under the cursor of an ml command line. */
class KarafCompletionTest {
    @TempDir
    Path dir;

    private final List<Object> registered = new ArrayList<>();

    private KarafCompletion completion() {
        Registry registry = (Registry) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Registry.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "register" -> registered.add(args[0]);
                    case "unregister" -> registered.remove(args[0]);
                    default -> null;
                });
        SessionFactory sessions = (SessionFactory) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SessionFactory.class},
                (proxy, method, args) -> method.getName().equals("getRegistry") ? registry : null);
        return new KarafCompletion(sessions, CompletionCommandsTest.completion(dir, List.of("relu", "tanh")));
    }

    /** The candidates of Tab with the cursor at the end of {@code line}. */
    private static List<Candidate> tab(KarafCompletion completion, String line) {
        List<String> words = new ArrayList<>(List.of(line.split(" ", -1)));
        String word = words.get(words.size() - 1);
        CommandLine commandLine = new CommandLine() {
            public int getCursorArgumentIndex() { return words.size() - 1; }
            public String getCursorArgument() { return word; }
            public int getArgumentPosition() { return word.length(); }
            public String[] getArguments() { return words.toArray(String[]::new); }
            public int getBufferPosition() { return line.length(); }
            public String getBuffer() { return line; }
        };
        List<Candidate> candidates = new ArrayList<>();
        completion.completeCandidates(null, commandLine, candidates);
        return candidates;
    }

    @Test
    void itIsInKarafsShellRegistryWhileActive() {
        KarafCompletion completion = completion();
        assertEquals(List.of(completion), registered);
        assertEquals("ml:_complete", completion.getScope() + ":" + completion.getName());
        assertTrue(completion.getCompleter(false) == completion && completion.getCompleter(true) == completion);
    }

    @Test
    void optionsCompleteWithTheirHelpAndAFollowingSpace() {
        List<Candidate> options = tab(completion(), "ml:train --");

        Candidate activation = options.stream().filter(c -> c.value().equals("--activation")).findFirst().orElseThrow();
        assertEquals("hidden-layer activation (ml:activations)", activation.descr());
        assertTrue(activation.complete());
        assertTrue(options.stream().anyMatch(c -> c.value().equals("--epochs")));
        assertTrue(options.stream().allMatch(c -> c.value().startsWith("--")), options.toString());
        assertTrue(tab(completion(), "ml:eval --").stream().anyMatch(c -> c.value().equals("--seed")));
    }

    @Test
    void valuesComeFromTheLiveRegistryAndTheCommandMayBeTypedWithoutItsScope() {
        assertEquals(List.of("relu", "tanh"), tab(completion(), "train --layers 8 --activation ").stream().map(Candidate::value).toList());
        assertEquals(List.of("he", "xavier", "small"), tab(completion(), "ml:train --init x").stream().map(Candidate::value).toList(),
                "every candidate: the console keeps those that start with what is typed");
    }

    @Test
    void notTheCommandsNameNorAnotherScopesCommand() {
        assertEquals(List.of(), tab(completion(), "ml:tr"));
        assertEquals(List.of(), tab(completion(), "bundle:list --"));
        assertEquals(List.of(), tab(completion(), "ml:nothing "));
    }

    @Test
    void typedItPrintsTheCandidatesOfTheLastWord() {
        KarafCompletion completion = completion();
        assertEquals("he", completion.execute(null, List.of("ml:train", "--init", "h")));
        assertEquals(Set.of("--layers", "--loss", "--lr", "--l2"),
                Set.of(((String) completion.execute(null, List.of("ml:train", "--l"))).split("\n")));
        assertEquals(null, completion.execute(null, List.of("ml:train")));
    }
}
