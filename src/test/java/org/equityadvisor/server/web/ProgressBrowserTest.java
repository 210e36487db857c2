package org.equityadvisor.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Plan;
import org.equityadvisor.plan.DraftPlan;
import org.equityadvisor.server.EquityAdvisorServer;
import org.equityadvisor.server.PlanStore;
import org.equityadvisor.server.RuleSets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Carrying a plan out in a real Chromium on a loopback port: two owners of Riverbend's plan (lee in English,
 * lena in Spanish, two browser sessions) update their steps and figures; the CA coordinator's roll-up moves;
 * the leader downloads the yearly report, which carries the new figures (read back from Word and PDF); axe-core
 * finds no serious or critical WCAG 2.1 A/AA violation on the progress, review and roll-up pages in either
 * language. Screenshots go to target/screenshots; figures (clicks, page weights, server times) to
 * target/progress-web-figures.txt.
 */
@SpringBootTest(classes = EquityAdvisorServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "equityadvisor.rules=rules", "equityadvisor.scenarios=", "equityadvisor.watch=false", "equityadvisor.users=src/test/resources/server/progress-users.yaml",
        "spring.datasource.url=jdbc:h2:mem:progressbrowser;DB_CLOSE_DELAY=-1"})
@BrowserPages.Figures(file = "progress-web-figures.txt", title = "Figures of the progress pages in the browser (ProgressBrowserTest)")
class ProgressBrowserTest extends BrowserPages {


    @Autowired
    PlanStore plans;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    AssessmentStore assessments;

    /** Riverbend's plan of the top three goals from eight months ago (so some steps are overdue), with the district's assessment saved. */
    PlanStore.Stored riverbendPlan() throws Exception {
        Assessment a = assessments.reader().read("riverbend", ProgressPagesTest.riverbend(12));
        assessments.save(a, "lee");
        Plan plan = new DraftPlan(ruleSets.active().kb()).draftTop(a, ruleSets.active().advisor().advise(a), 3, LocalDate.now().minusMonths(8));
        return plans.create(plan, "0612345", "lee");
    }

    /** The roll-up row of Riverbend as the coordinator's page shows it: its cells' text. */
    static List<String> riverbendRow(Page page) {
        @SuppressWarnings("unchecked")
        List<String> cells = (List<String>) page.locator("#districts-h ~ div table tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("0612345")).locator("td").evaluateAll("list => list.map(c => c.textContent.trim())");
        return cells;
    }

    @Test
    void twoOwnersUpdateTheirStepsAndFiguresTheCoordinatorsRollupMovesAndTheYearlyReportCarriesTheNewFigures() throws Exception {
        PlanStore.Stored plan = riverbendPlan();
        String progress = "/plans/" + plan.id() + "/progress";
        try (BrowserContext coordinator = browser.session("en-US"); BrowserContext leeSession = browser.session("en-US");
                BrowserContext lenaSession = browser.session("es-ES")) {
            // The coordinator's roll-up before anyone reports.
            Page stella = coordinator.newPage();
            signIn(stella, "stella");
            stella.click("a[href='/states']");
            stella.waitForURL(url("/states/CA"));
            check(stella, "en-rollup");
            List<String> before = riverbendRow(stella);
            assertThat(before.get(3)).startsWith("0 of ");

            // Owner one, in English: a step done and a figure, from the home page.
            Page lee = leeSession.newPage();
            signIn(lee, "lee");
            lee.click("a[href='" + progress + "']");
            lee.waitForURL(url(progress));
            check(lee, "en-progress");
            @SuppressWarnings("unchecked")
            List<String> steps = (List<String>) lee.locator("#steps tbody tr").evaluateAll("list => list.map(r => r.id)");
            @SuppressWarnings("unchecked")
            List<String> outcomes = (List<String>) lee.locator("#outcomes article").evaluateAll("list => list.map(a => a.id)");
            assertThat(steps).hasSizeGreaterThan(2);
            assertThat(outcomes).hasSizeGreaterThan(1);
            long t = System.nanoTime();
            lee.selectOption("#" + steps.get(0) + "-status", "done");
            lee.click("#" + steps.get(0) + " button[type=submit]");
            lee.waitForLoadState();
            double stepSeconds = (System.nanoTime() - t) / 1e9;
            assertThat(lee.locator("#" + steps.get(0)).textContent()).contains("Done").contains("lee on " + LocalDate.now());
            t = System.nanoTime();
            lee.fill("#" + outcomes.get(0) + "-value", "8.4");
            lee.fill("#" + outcomes.get(0) + "-n", "3900");
            lee.fill("#" + outcomes.get(0) + "-source", "fall survey");
            lee.click("#" + outcomes.get(0) + " button[type=submit]");
            lee.waitForLoadState();
            double figureSeconds = (System.nanoTime() - t) / 1e9;
            assertThat(lee.locator("#" + outcomes.get(0) + " table").textContent()).contains("8.4").contains("fall survey");
            figure("update a step (web)", String.format(Locale.ROOT, "2 actions (choose the status, Save), %.2f s scripted", stepSeconds));
            figure("record a figure (web)", String.format(Locale.ROOT, "4 actions (value, n, source, Add; the date is today unless changed), %.2f s scripted",
                    figureSeconds));
            check(lee, "en-progress-updated");

            // Owner two, in Spanish: a blocked step needs a note (refused at the field), then a figure.
            Page lena = lenaSession.newPage();
            signIn(lena, "lena");
            lena.navigate(url(progress));
            assertThat(lena.locator("h1").textContent()).isEqualTo("Progreso");
            check(lena, "es-progress");
            lena.selectOption("#" + steps.get(1) + "-status", "blocked");
            lena.click("#" + steps.get(1) + " button[type=submit]");
            lena.waitForLoadState();
            assertThat(lena.locator("#" + steps.get(1) + "-note").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(lena.locator("#" + steps.get(1) + "-note-error").textContent()).contains("is required for a blocked step");
            check(lena, "es-progress-error");
            lena.selectOption("#" + steps.get(1) + "-status", "blocked");
            lena.fill("#" + steps.get(1) + "-note", "sin presupuesto para puntos de acceso");
            lena.click("#" + steps.get(1) + " button[type=submit]");
            lena.waitForLoadState();
            assertThat(lena.locator("#" + steps.get(1)).textContent()).contains("Bloqueado").contains("lena");
            lena.fill("#" + outcomes.get(1) + "-value", "13.7");
            lena.fill("#" + outcomes.get(1) + "-n", "2600");
            lena.click("#" + outcomes.get(1) + " button[type=submit]");
            lena.waitForLoadState();
            assertThat(lena.locator("#" + outcomes.get(1) + " table").textContent()).contains("13.7").contains("lena");

            // The roll-up moved: one step more done, and outcomes with figures are no longer "no data".
            stella.reload();
            List<String> after = riverbendRow(stella);
            assertThat(after.get(3)).startsWith("1 of ");
            assertThat(Integer.parseInt(after.get(7))).as("outcomes without figures").isLessThan(Integer.parseInt(before.get(7)));
            stella.navigate(url("/states/CA?lang=es"));
            check(stella, "es-rollup");
            Download csv = stella.waitForDownload(() -> stella.click("a[href='/states/CA/rollup.csv']"));
            assertThat(Files.readString(csv.path())).startsWith("state,as_of,field");
            stella.navigate(url(progress));
            check(stella, "es-progress-coordinator");
            assertThat(stella.locator("#steps form").count()).as("the coordinator reads only").isZero();

            // The leader downloads the yearly report; it carries both owners' figures.
            lee.navigate(url(progress));
            Download word = lee.waitForDownload(() -> lee.click("#report a[href*='format=docx']"));
            Download pdf = lee.waitForDownload(() -> lee.click("#report a[href*='format=pdf']"));
            String wordText;
            try (InputStream in = Files.newInputStream(word.path()); XWPFDocument doc = new XWPFDocument(in); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
                wordText = x.getText().replaceAll("\\s+", " ");
            }
            String pdfText;
            try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
                pdfText = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            }
            for (String text : List.of(wordText, pdfText)) {
                assertThat(text).contains("8.4").contains("13.7").contains("sin presupuesto para puntos de acceso");
            }

            // The review pages, in both languages.
            lee.navigate(url("/plans/" + plan.id() + "/review"));
            check(lee, "en-review");
            lee.click("form[action$='/review'] button:has-text('Compare with it')");
            lee.waitForLoadState();
            assertThat(lee.locator("#changes-h").textContent()).isEqualTo("What changed since the plan began");
            check(lee, "en-review-changes");
            lee.navigate(url("/plans/" + plan.id() + "/review?lang=es"));
            check(lee, "es-review");
            lee.navigate(url(progress + "?lang=en"));
            measureServerTime(leeSession, progress);
        }
    }

    /** Server time to render the progress page, p50 and p95 of 30 requests after 5 warm-up, in this signed-in session. */
    void measureServerTime(BrowserContext session, String path) throws IOException, InterruptedException {
        String cookie = session.cookies().stream().map(c -> c.name + "=" + c.value).reduce((x, y) -> x + "; " + y).orElseThrow();
        HttpClient client = HttpClient.newHttpClient();
        List<Double> ms = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < 35; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            bytes = r.body().length;
            if (i >= 5) {
                ms.add((System.nanoTime() - t) / 1e6);
            }
        }
        ms.sort(Double::compare);
        figure("server time progress page", String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms (30 requests after 5 warm-up; %.1f KB of HTML)",
                ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.95) - 1), bytes / 1024.0));
    }
}
