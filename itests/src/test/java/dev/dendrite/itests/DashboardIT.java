package dev.dendrite.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The dashboard in a real headless Chromium, served by the real platform: a run started from the
 * page's form, its loss curve growing epoch by epoch from the event stream, the stop button, the
 * plug-ins page. A screenshot of the runs page is saved as target/dashboard-runs.png. Chromium
 * must be installed ({@code apt-get install chromium}); without it the test fails.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DashboardIT {

    @Inject
    private BundleContext context;

    @Inject
    private CommandProcessor processor;

    @Configuration
    public Option[] config() {
        return Distribution.options();
    }

    private static int points(Chromium page, String chart, String series) throws Exception {
        Object n = page.eval("(() => { const c = document.querySelector('#" + chart + " polyline[data-series=\"" + series + "\"]');"
                + " return c ? Number(c.getAttribute('data-points')) : 0; })()");
        return ((Number) n).intValue();
    }

    @Test
    public void aRunStartedFromThePageDrawsItsCurvesLiveAndStops() throws Exception {
        try (WebConsole web = new WebConsole(new Shell(processor), context); Chromium page = new Chromium()) {
            page.open(web.base + "/#runs");
            page.until("the page talks to the API", "document.getElementById('status').textContent === 'live'", 30_000);
            assertEquals("Dendrite", page.eval("document.title"));

            page.eval("(() => { const f = document.getElementById('run-form');"
                    + " f.elements.dataset.value = 'spirals'; f.elements.layers.value = '64,64';"
                    + " f.elements.batch.value = '8'; f.elements.epochs.value = '100000'; f.elements.lr.value = '0.05';"
                    + " document.getElementById('start-run').click(); })()");
            page.until("the run is selected", "document.getElementById('run-title').textContent.startsWith('Run ')", 30_000);
            page.until("the loss curve has 3 epochs", "Number(document.querySelector('#loss-chart polyline[data-series=\"loss\"]')"
                    + "?.getAttribute('data-points') || 0) >= 3", 60_000);
            int first = points(page, "loss-chart", "loss");
            page.until("the loss curve grows", "Number(document.querySelector('#loss-chart polyline[data-series=\"loss\"]')"
                    + ".getAttribute('data-points')) >= " + (first + 5), 60_000);
            int later = points(page, "loss-chart", "loss");
            assertTrue(first + " then " + later, later >= first + 5);
            assertEquals("every epoch of the curve has its validation point too", Boolean.TRUE,
                    page.eval("(() => { const p = s => document.querySelector('#loss-chart polyline[data-series=\"' + s + '\"]')"
                            + ".getAttribute('data-points'); return p('loss') === p('val_loss'); })()"));
            assertEquals("accuracy", page.eval("document.getElementById('metric-title').textContent"));
            assertTrue(points(page, "metric-chart", "accuracy") >= first);
            page.until("the runs table shows the run running", "[...document.querySelectorAll('#runs-table tbody tr')]"
                    + ".some(r => r.cells[1].textContent === 'spirals' && r.cells[2].textContent === 'web'"
                    + " && r.cells[3].textContent === 'running')", 10_000);
            assertEquals("", page.eval("document.getElementById('run-error').textContent"));

            Path screenshot = Path.of("target", "dashboard-runs.png");
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, page.screenshot());
            assertTrue(Files.size(screenshot) > 10_000);

            page.eval("document.querySelector('#runs-table button.stop').click()");
            page.until("the run ends as stopped", "document.getElementById('run-outcome').textContent.startsWith('stopped: ')", 30_000);
            String outcome = (String) page.eval("document.getElementById('run-outcome').textContent");
            assertTrue(outcome, outcome.contains("interrupted at epoch"));
            page.until("the table says stopped", "[...document.querySelectorAll('#runs-table tbody tr')]"
                    + ".some(r => r.cells[1].textContent === 'spirals' && r.cells[3].textContent === 'stopped')", 10_000);

            page.open(web.base + "/#plugins");
            page.until("the plug-ins are listed", "!!document.querySelector('[data-plugin=\"activation:tanh\"]')", 30_000);
            assertTrue((Boolean) page.eval("!!document.querySelector('[data-plugin=\"optimizer:adam\"]')"));
        }
    }

    @Test
    public void aBundleDeployedWhileThePageIsOpenAppearsWithoutAReload() throws Exception {
        try (WebConsole web = new WebConsole(new Shell(processor), context); Chromium page = new Chromium()) {
            page.open(web.base + "/#plugins");
            page.until("the plug-ins are listed", "!!document.querySelector('[data-plugin=\"activation:tanh\"]')", 30_000);
            assertEquals(Boolean.FALSE, page.eval("!!document.querySelector('[data-plugin=\"activation:swish\"]')"));
            page.eval("window.notReloaded = true");
            Path deployed = Path.of(context.getProperty("felix.fileinstall.dir"), "swish.jar");
            Files.copy(Path.of(System.getProperty("swish.jar")), deployed);
            try {
                page.until("swish appears", "!!document.querySelector('[data-plugin=\"activation:swish\"]')", 30_000);
                assertEquals("the page was not reloaded", Boolean.TRUE, page.eval("window.notReloaded === true"));
            } finally {
                Files.delete(deployed);
            }
            page.until("swish goes away", "!document.querySelector('[data-plugin=\"activation:swish\"]')", 30_000);
        }
    }

    @Test
    public void studiesAndModelsShowTheirChartsTablesAndPredictions() throws Exception {
        Shell shell = new Shell(processor);
        shell.run("ml:tune --space \"lr=loguniform(0.01,1)\" --strategy random --trials 5 --epochs 5 --parallel 1 --study web-study xor");
        shell.run("ml:train --epochs 30 --save web-model xor");
        try (WebConsole web = new WebConsole(shell, context); Chromium page = new Chromium()) {
            page.open(web.base + "/#studies");
            page.until("the study is listed", "[...document.querySelectorAll('#studies-table tbody tr')]"
                    + ".some(r => r.cells[0].textContent === 'web-study')", 30_000);
            page.eval("[...document.querySelectorAll('#studies-table tbody tr')].find(r => r.cells[0].textContent === 'web-study').click()");
            page.until("its leaderboard shows", "document.querySelectorAll('#leaderboard tbody tr').length === 5", 30_000);
            assertEquals(5L, ((Number) page.eval("Number(document.querySelector('#study-chart .dots').getAttribute('data-points'))")).longValue());
            assertEquals(5L, ((Number) page.eval("Number(document.querySelector('#study-chart polyline[data-series=\"best so far\"]')"
                    + ".getAttribute('data-points'))")).longValue());
            assertTrue((Boolean) page.eval("document.getElementById('study-title').textContent.startsWith('web-study: val_accuracy')"));

            page.open(web.base + "/#models");
            page.until("the model is listed", "[...document.querySelectorAll('#models-table tbody tr')]"
                    + ".some(r => r.cells[0].textContent === 'web-model')", 30_000);
            page.eval("[...document.querySelectorAll('#models-table tbody tr')].find(r => r.cells[0].textContent === 'web-model').click()");
            page.until("its metrics show", "[...document.querySelectorAll('#model-metrics td')].some(c => c.textContent === 'validation accuracy')",
                    30_000);
            page.eval("(() => { document.getElementById('predict-rows').value = '{\"rows\": [{\"x1\": 1, \"x2\": -1}, {\"x1\": 1, \"x2\": 1}]}';"
                    + " document.querySelector('#predict-form button').click(); })()");
            page.until("the predictions show", "document.querySelectorAll('#predictions tr').length === 2", 30_000);
            assertEquals("1", page.eval("document.querySelectorAll('#predictions tr')[0].cells[1].textContent"));
            assertEquals("0", page.eval("document.querySelectorAll('#predictions tr')[1].cells[1].textContent"));
            page.eval("(() => { document.getElementById('predict-rows').value = '{\"rows\": [{\"x1\": 1}]}';"
                    + " document.querySelector('#predict-form button').click(); })()");
            page.until("the error shows", "document.getElementById('predict-error').textContent !== ''", 30_000);
            assertEquals("row 1: missing column 'x2' (model web-model has x1, x2)", page.eval("document.getElementById('predict-error').textContent"));
        }
    }

    @Test
    public void aBadValueInTheFormShowsTheShellsMessage() throws Exception {
        try (WebConsole web = new WebConsole(new Shell(processor), context); Chromium page = new Chromium()) {
            page.open(web.base + "/#runs");
            page.until("the page talks to the API", "document.getElementById('status').textContent === 'live'", 30_000);
            page.eval("(() => { const f = document.getElementById('run-form'); f.elements.epochs.value = 'ten';"
                    + " document.getElementById('start-run').click(); })()");
            page.until("the error shows", "document.getElementById('run-error').textContent !== ''", 30_000);
            assertEquals("--epochs: 'ten' is not an integer", page.eval("document.getElementById('run-error').textContent"));
        }
    }
}
