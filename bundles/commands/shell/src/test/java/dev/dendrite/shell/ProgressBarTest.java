package dev.dendrite.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.LayerShape;
import dev.dendrite.api.nn.Metrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static EpochReport report(int epoch) {
        Metrics m = new Metrics(0.5, Map.of("accuracy", 0.75), null);
        Metrics v = new Metrics(0.25, Map.of("accuracy", 0.875), null);
        return new EpochReport(epoch, epoch * 4L, 0.1, m, v, "accuracy", 3);
    }

    @Test
    void theBarShowsTheEpochTheIterationsTheTimeLeftAndTheLatestMetrics() {
        String line = ProgressBar.bar(2, 10, 3, 4, 4_000_000_000L, 7, 40, 0.123456, report(1));
        assertEquals("epoch 2/10 [==================>     ] 3/4  0:04 ETA 0:19  batch loss 0.1235  val_loss 0.2500"
                + "  val_accuracy 0.8750", line);
    }

    @Test
    void clockReadsAsMinutesAndSecondsOrHours() {
        assertEquals("0:00", ProgressBar.clock(0.2));
        assertEquals("1:05", ProgressBar.clock(65));
        assertEquals("2:00:01", ProgressBar.clock(7201));
        assertEquals("-", ProgressBar.clock(Double.NaN));
    }

    @Test
    void theBarIsRedrawnInPlaceAndClearedBeforeEachPrintedEpochLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressBar bar = new ProgressBar(out, 2, 0);
        bar.started(List.of(new LayerShape(1, 2, 1, "sigmoid")), 8, 4);
        bar.iteration(1, 1, 0.7);
        Thread.sleep(ProgressBar.REDRAW_MS + 10);
        bar.iteration(1, 2, 0.6);
        bar.epoch(report(1));
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("\repoch 1/2 [======>                 ] 1/4"), shown);
        assertTrue(shown.contains("\repoch 1/2 [============>           ] 2/4"), shown);
        assertTrue(shown.endsWith("\r\u001b[K" + ProgressPrinter.line(report(1)) + System.lineSeparator()), shown);
    }
}
