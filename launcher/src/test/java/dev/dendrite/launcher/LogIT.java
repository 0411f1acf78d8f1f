package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's log, log/dendrite.log of the distribution, through the real launcher: a plug-in
 * hot-deployed, a configuration changed and a failed trial are written there, the trial with its
 * stack trace, while the console shows only the commands' own output; {@code ml:log} shows them.
 */
class LogIT {

    @TempDir
    Path tmp;

    @Test
    void aHotDeployAConfigurationChangeAndAFailedTrialAreLoggedWithTheTrialsStackTrace() throws Exception {
        Path home = Dendrite.privateDistribution(tmp);
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process process = new ProcessBuilder(Dendrite.command("--home", home.toString(), "-c",
                "echo started; sleep 4; ml:tune xor --strategy grid --space 'lr=choice(1e9)' --epochs 3; ml:log --lines 500"))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        Dendrite.await("the commands' start", () -> Files.readString(out).contains("started"));
        // while the session sleeps: a plug-in dropped into deploy/ and a configuration changed in etc/
        Files.copy(Path.of(System.getProperty("swish.jar")), home.resolve("deploy/swish.jar"));
        Files.writeString(home.resolve("etc/dev.dendrite.train.cfg"), "layers = 16\nepochs = 7\n");
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "dendrite did not exit within 120 s");

        String console = Files.readString(out);
        String errors = Files.readString(err).replaceAll(Dendrite.INCUBATOR_NOTE, "");
        assertEquals(0, process.exitValue(), errors);
        assertEquals("", errors); // the console stays quiet: nothing was wrong
        assertTrue(console.contains("trial 1  lr=1e9  failed: training diverged"), console);

        String log = Files.readString(home.resolve("log/dendrite.log"));
        String swish = Path.of(home.toString(), "deploy", "swish.jar").toUri().toString().replace("file:///", "file:/");
        assertTrue(Pattern.compile("\\| INFO  \\|.*\\| bundle dendrite-activation-swish 1\\.0\\.0 \\[\\d+\\] installed: "
                + Pattern.quote(swish)).matcher(log).find(), log);
        assertTrue(Pattern.compile("\\| INFO  \\|.*\\| activation swish registered: dendrite-activation-swish 1\\.0\\.0 \\[\\d+\\], service \\d+,"
                + " ranking 0; serving: dendrite-activation-swish 1\\.0\\.0").matcher(log).find(), log);
        assertTrue(log.contains("| configuration dev.dendrite.train updated: epochs=7, layers=16"), log);

        List<String> lines = log.lines().toList();
        int trial = indexOf(lines, "| trial 1 {lr=1e9} failed after 1 of 3 epochs: training diverged at epoch 1");
        assertTrue(trial >= 0, log);
        assertTrue(lines.get(trial + 1).startsWith("dev.dendrite.nn.TrainingRun$DivergedException: training diverged"), log);
        assertTrue(lines.get(trial + 2).matches("\\tat dev\\.dendrite\\.nn\\..*\\(\\w+\\.java:\\d+\\)"), log);

        // ml:log printed the same entries at the end of the session
        String tail = console.substring(console.indexOf("rank  trial"));
        assertTrue(tail.contains("| configuration dev.dendrite.train updated: epochs=7, layers=16"), tail);
        assertTrue(tail.contains("failed after 1 of 3 epochs") && tail.contains("\tat dev.dendrite.nn."), tail);
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
