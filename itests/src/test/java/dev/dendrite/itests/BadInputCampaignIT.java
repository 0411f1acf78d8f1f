package dev.dendrite.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Bad and hostile command lines, typed as a user types them, on the real platform: each is refused
 * promptly with one line the console prints as {@code error: …}, naming the problem without a Java
 * exception name or a stack trace, and nothing is trained or saved over garbage; the platform
 * trains normally afterwards.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BadInputCampaignIT {
    private static final long PROMPT_MS = 5_000;
    private static final String SPACE = "--space \"lr=loguniform(0.01,1)\"";

    @Inject
    private CommandProcessor processor;

    @Configuration
    public Option[] config() {
        return Distribution.options();
    }

    /** The cases: a command line, and a word its one-line refusal must contain. */
    private static List<String[]> cases(Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("text.csv"), "a,b,y\n1,2,0\n3,abc,1\n", StandardCharsets.UTF_8);
        Path nanLabel = Files.writeString(dir.resolve("nan-label.csv"), "a,b,y\n1,2,0\n3,4,NaN\n5,6,1\n", StandardCharsets.UTF_8);
        Path huge = Files.writeString(dir.resolve("huge.csv"), "a,y\n1,0\n1e200,1\n-1e200,0\n2,1\n", StandardCharsets.UTF_8);
        Path headerOnly = Files.writeString(dir.resolve("empty.csv"), "a,b,y\n", StandardCharsets.UTF_8);
        String missing = dir.resolve("missing.csv").toString();
        String na = table(dir, "na.csv", "a,b,y\n1,2,0\n3,NA,1\n5,6,0\n");
        String naLabel = table(dir, "na-label.csv", "a,y\n1,0\n2,?\n3,1\n");
        String emptyLabel = table(dir, "empty-label.csv", "a,y\n1,0\n2,\n3,1\n");
        String ambiguous = table(dir, "ambiguous.csv", "a,b;c\n1,2;0\n3,4;1\n");
        String unclosed = table(dir, "unclosed.csv", "a,y\n1,\"0\n2,1\n");
        String afterQuote = table(dir, "after-quote.csv", "a,y\n\"1\"x,0\n2,1\n");
        String dupHeader = table(dir, "dup.csv", "a,a,y\n1,2,0\n3,4,1\n");
        String noName = table(dir, "noname.csv", "a,,y\n1,2,0\n3,4,1\n");
        String ragged = table(dir, "ragged.csv", "a;b;y\n1;2;0\n3;4\n");
        String oneColumn = table(dir, "one.csv", "y\n1\n0\n");
        String ids = table(dir, "ids.csv", "id,y\n" + java.util.stream.IntStream.range(0, 1100)
                .mapToObj(i -> "u" + i + "," + (i % 2)).collect(java.util.stream.Collectors.joining("\n")) + "\n");
        String allMissing = table(dir, "all-missing.csv", "a,y\nNA,0\n,1\n?,0\n");
        String infLabel = table(dir, "inf-label.csv", "a,y\n1,a\n2,-inf\n3,b\n");
        String clash = table(dir, "clash.csv", "c=a,c,y\n1,a,0\n2,b,1\n");
        String semicolonText = table(dir, "semi.csv", "a;colour;y\n1;red;0\n2;blue;1\n3;red;0\n4;blue;1\n");
        String unseen = table(dir, "unseen.csv", "a;colour\n1;green\n");
        String noFeature = table(dir, "nofeature.csv", "x,y\n1,0\n");
        String textRegression = table(dir, "text-reg.csv", "a,y\n1,1.5\n2,abc\n3,2.5\n");
        String longLabel = table(dir, "long-label.csv", "a,y\n1," + "x".repeat(20_000) + "\n2,b\n");
        String manyFields = table(dir, "many-fields.csv", "a,".repeat(150_000) + "y\n1,0\n");
        String latin1 = dir.resolve("latin1.csv").toString();
        Files.write(Path.of(latin1), new byte[] {'a', ',', 'y', '\n', '1', ',', (byte) 0xE9, '\n', '2', ',', 'b', '\n'});
        String bomb = dir.resolve("bomb.csv").toString();
        try (java.io.OutputStream out = Files.newOutputStream(Path.of(bomb))) {
            out.write("a,y\n1,\"".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 70; i++) {
                out.write(block);
            }
        }
        String[][] all = {
            {"ml:train --bogus 3 xor", "--bogus"},
            {"ml:train --epoch 3 xor", "--epochs"},
            {"ml:train --lr abc xor", "--lr"},
            {"ml:train --lr -1 xor", "--lr"},
            {"ml:train --lr 0 xor", "--lr"},
            {"ml:train --lr NaN xor", "--lr"},
            {"ml:train --lr Infinity xor", "--lr"},
            {"ml:train --epochs 0 xor", "--epochs"},
            {"ml:train --epochs -5 xor", "--epochs"},
            {"ml:train --epochs 99999999999999 xor", "--epochs"},
            {"ml:train --iterations 0 xor", "--iterations"},
            {"ml:train --layers '' xor", "--layers"},
            {"ml:train --layers 0 xor", "--layers"},
            {"ml:train --layers 4,,2 xor", "--layers"},
            {"ml:train --layers -3 xor", "--layers"},
            {"ml:train --layers 10000,10000,10000 xor", "heap"},
            {"ml:train --batch 0 xor", "--batch"},
            {"ml:train --batch many xor", "--batch"},
            {"ml:train --dropout 1 xor", "--dropout"},
            {"ml:train --dropout -0.1 xor", "--dropout"},
            {"ml:train --l2 -1 xor", "--l2"},
            {"ml:train --schedule cosine xor", "--schedule"},
            {"ml:train --schedule step:2:1 xor", "--schedule"},
            {"ml:train --patience -1 xor", "--patience"},
            {"ml:train --init glorot xor", "--init"},
            {"ml:train --hp lr=0.1 xor", "--hp"},
            {"ml:train --hp momentum xor", "--hp"},
            {"ml:train --hp beta1=0.9 xor", "beta1"},
            {"ml:train --activation nosuch xor", "nosuch"},
            {"ml:train --optimizer nosuch xor", "nosuch"},
            {"ml:train --loss nosuch xor", "nosuch"},
            {"ml:train --backend nosuch xor", "nosuch"},
            {"ml:train --val 1 xor", "--val"},
            {"ml:train --val -0.1 xor", "--val"},
            {"ml:train --task clustering xor", "--task"},
            {"ml:train --scaling zscore xor", "--scaling"},
            {"ml:train --save '' xor", "--save"},
            {"ml:train --save ../evil xor", "--save"},
            {"ml:train --curve x.png xor", "--curve"},
            {"ml:train --history h.txt xor", "--history"},
            {"ml:train --test " + missing + " xor", "--test"},
            {"ml:train nosuchdata", "nosuchdata"},
            {"ml:train", "DATASET"},
            {"ml:train xor extra", "extra"},
            {"ml:train --lr 0.1 --lr 0.2 xor", "twice"},
            {"ml:train --epochs 3 --iterations 5 xor", "--iterations"},
            {"ml:train --val 0 --patience 3 xor", "validation"},
            {"ml:train " + missing, "missing.csv"},
            {"ml:train " + text, "abc"},
            {"ml:train " + nanLabel, "NaN"},
            {"ml:train " + huge, "1e200"},
            {"ml:train " + headerOnly, "empty.csv"},
            {"ml:train --lr " + "9".repeat(20_000) + " xor", "characters"},
            {"ml:tune --bogus 1 xor", "--bogus"},
            {"ml:tune --trials 0 " + SPACE + " xor", "--trials"},
            {"ml:tune --epochs 0 " + SPACE + " xor", "--epochs"},
            {"ml:tune --parallel 0 " + SPACE + " xor", "--parallel"},
            {"ml:tune --space \"lr=loguniform(-1,1)\" xor", "lr"},
            {"ml:tune --space \"nosuch=uniform(0,1)\" xor", "nosuch"},
            {"ml:tune --space \"lr=loguniform(0.01\" xor", "position"},
            {"ml:tune --study '' " + SPACE + " xor", "--study"},
            {"ml:tune --strategy nosuch " + SPACE + " xor", "nosuch"},
            {"ml:tune --lr 0.1 " + SPACE + " xor", "--lr"},
            {"ml:uat --samples 0", "--samples"},
            {"ml:uat --iterations 0", "--iterations"},
            {"ml:uat --lr abc", "--lr"},
            {"ml:uat --function nosuch", "nosuch"},
            {"ml:uat --expr \"x+\"", "--expr"},
            {"ml:uat --expr \"" + "(".repeat(2_000) + "x" + ")".repeat(2_000) + "\"", "nesting"},
            {"ml:uat --widths 0", "--widths"},
            {"ml:depth --threads 0", "--threads"},
            {"ml:depth --params 0", "--params"},
            {"ml:depth --params 2000000000", "heap"},
            {"ml:depth --depths 1,1", "--depths"},
            {"ml:trace --lr NaN", "--lr"},
            {"ml:trace --samples 10", "--samples"},
            {"ml:trace --unit 0,1", "--unit"},
            {"ml:eval nosuchmodel xor", "nosuchmodel"},
            {"ml:predict nosuchmodel " + text, "nosuchmodel"},
            {"ml:models extra", "extra"},
            {"ml:study nosuch", "nosuch"},
            {"ml:activations extra", "extra"},
            {"ml:train " + na, "NA"},
            {"ml:train " + naLabel, "target"},
            {"ml:train --missing mean " + emptyLabel, "line 3"},
            {"ml:train " + ambiguous, "--delimiter"},
            {"ml:train " + unclosed, "not closed"},
            {"ml:train " + afterQuote, "closing quote"},
            {"ml:train " + dupHeader, "twice"},
            {"ml:train " + noName, "no name"},
            {"ml:train " + ragged, "line 3"},
            {"ml:train " + oneColumn, "one column"},
            {"ml:train --categorical auto " + ids, "1000"},
            {"ml:train --categorical id " + ids, "1000"},
            {"ml:train --missing mean " + allMissing, "no value"},
            {"ml:train --missing drop " + allMissing, "every row"},
            {"ml:train " + infLabel, "-inf"},
            {"ml:train --categorical c " + clash, "c=a"},
            {"ml:train " + semicolonText, "--categorical colour"},
            {"ml:train --categorical nosuch " + semicolonText, "nosuch"},
            {"ml:train --categorical y " + semicolonText, "target"},
            {"ml:train --categorical auto,colour " + semicolonText, "--categorical"},
            {"ml:train --categorical colour,colour " + semicolonText, "twice"},
            {"ml:train --categorical '' " + semicolonText, "--categorical"},
            {"ml:train --delimiter : " + semicolonText, "--delimiter"},
            {"ml:train --delimiter , " + semicolonText, "one column"},
            {"ml:train --missing zero " + na, "--missing"},
            {"ml:train --missing '' " + na, "--missing"},
            {"ml:train --unseen ignore " + na, "--unseen"},
            {"ml:train --task regression " + textRegression, "abc"},
            {"ml:train " + latin1, "UTF-8"},
            {"ml:train " + bomb, "64 MB"},
            {"ml:train " + longLabel, "10000"},
            {"ml:train " + manyFields, "100000 fields"},
            {"ml:train --categorical colour --save semi --epochs 2 " + semicolonText + "; ml:predict semi " + unseen, "green"},
            {"ml:predict --unseen maybe semi " + unseen, "--unseen"},
            {"ml:predict --delimiter x semi " + unseen, "--delimiter"},
            {"ml:predict semi " + noFeature, "no feature column"},
            {"ml:eval semi " + unseen, "target"},
            {"ml:eval --delimiter , semi " + semicolonText, "colour"},
        };
        return List.of(all);
    }

    private static String table(Path dir, String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8).toString();
    }

    @Test
    public void everyBadInputIsRefusedPromptlyInOneLineAndThePlatformGoesOn() throws Exception {
        Path dir = Files.createTempDirectory("dendrite-campaign");
        Shell shell = new Shell(processor);
        List<String> wrong = new ArrayList<>();
        List<String[]> cases = cases(dir);
        for (String[] c : cases) {
            String problem = refusal(shell, c[0], c[1]);
            if (problem != null) {
                wrong.add(abbreviated(c[0]) + "\n    " + problem);
            }
        }
        assertTrue("the campaign has at least 100 cases: " + cases.size(), cases.size() >= 100);
        assertEquals("cases not refused as they should be:\n" + String.join("\n", wrong), 0, wrong.size());
        String trained = shell.run("ml:train --epochs 2 xor");
        assertTrue(trained, trained.contains("trained 2 epochs"));
        assertFalse("nothing was saved over a refusal", Files.exists(dir.resolve("evil.model.json")));
    }

    /** Null when {@code line} is refused as it should be, else what is wrong. */
    private static String refusal(Shell shell, String line, String named) {
        long start = System.nanoTime();
        try {
            String out = shell.run(line);
            return "succeeded: " + abbreviated(out);
        } catch (Exception e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            String shown = String.valueOf(e);
            if (!shown.startsWith("error: ")) {
                return "not shown as one error line: " + abbreviated(shown) + (e.getCause() == null ? "" : ", caused by " + e.getCause());
            }
            if (shown.contains("\n") || shown.length() > 400) {
                return "more than one short line: " + abbreviated(shown);
            }
            if (shown.matches(".*\\b(java\\.|javax\\.)\\S*(Exception|Error)\\b.*") || shown.matches(".*\\b\\w+(Exception|Error):.*")) {
                return "names a Java exception: " + shown;
            }
            if (!shown.contains(named)) {
                return "does not name '" + named + "': " + shown;
            }
            if (millis > PROMPT_MS) {
                return "took " + millis + " ms: " + shown;
            }
            return null;
        } catch (Throwable t) {
            fail(line + " threw " + t);
            return null;
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "… (" + text.length() + " characters)";
    }
}
