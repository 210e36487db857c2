package org.equityadvisor.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.equityadvisor.server.EquityAdvisorServer;
import org.equityadvisor.server.RuleSets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A coach in a real Chromium: uploads a changed rule set, reads its diff against the set in service, puts
 * it into service; a file over the upload limit is said on the page; axe-core finds no WCAG 2.1 A/AA
 * violation on the coach page (with and without a review) and the rule pages, in English and Spanish. The
 * server serves a copy of the shipped rules. Figures (page weights, the time to check, test and compare an
 * uploaded copy of the shipped set) go to target/coach-figures.txt.
 */
@SpringBootTest(classes = EquityAdvisorServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "equityadvisor.scenarios=scenarios", "equityadvisor.watch=false", "equityadvisor.users=src/test/resources/server/users.yaml",
        "spring.datasource.url=jdbc:h2:mem:coachbrowser;DB_CLOSE_DELAY=-1"})
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
@BrowserPages.Figures(file = "coach-figures.txt", title = "Figures of the coach's workbench (CoachBrowserTest)")
class CoachBrowserTest extends BrowserPages {

    static final Path ROOT = CoachPagesTest.temp();

    @Autowired
    RuleSets ruleSets;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        registry.add("equityadvisor.rules", () -> ROOT.resolve("rules").toString());
    }

    @AfterAll
    static void deleteRules() throws IOException {
        CoachPagesTest.delete(ROOT);
    }

    @Test
    void aCoachUploadsAChangedSetReadsItsDiffAndPutsItIntoService() throws IOException {
        Path zip = ROOT.resolve("reweighed.zip");
        Files.write(zip, CoachPagesTest.reweighed("0.56"));
        String before = ruleSets.active().kb().hash();
        try (BrowserContext session = browser.session("en-US")) {
            Page page = session.newPage();
            signIn(page, "cora");
            page.navigate(url("/coach"));
            assertThat(page.locator("main").textContent()).contains("Scenario results and coverage").contains("firing cases and");
            check(page, "en-coach");
            page.setInputFiles("#ruleset", zip);
            page.click("text=Check, test and compare");
            page.waitForSelector("#review");
            String review = page.locator("#review").textContent();
            assertThat(review).contains("The check passed").contains("districts changed their advice").contains("score 0.")
                    .contains("reweighed.zip (uploaded)");
            check(page, "en-coach-review");
            page.click("text=Put into service");
            page.waitForURL(url("/coach"));
            assertThat(page.locator("main").textContent()).contains("The uploaded rule set is in service")
                    .contains(ruleSets.active().kb().hash()).contains("Put the previous rule set back");
            assertThat(ruleSets.active().kb().hash()).isNotEqualTo(before);

            page.navigate(url("/rules/"));
            check(page, "en-rules-index");
            page.click("main table a >> nth=0");
            page.waitForLoadState();
            assertThat(page.locator("main h1").textContent()).isNotBlank();
            check(page, "en-rule-page");
        }
        try (BrowserContext session = browser.session("es-ES")) {
            Page page = session.newPage();
            signIn(page, "cora");
            page.navigate(url("/coach"));
            assertThat(page.locator("h1").textContent()).isEqualTo("Conjunto de reglas en servicio");
            check(page, "es-coach");
            page.setInputFiles("#ruleset", zip);
            page.click("text=Comprobar, probar y comparar");
            page.waitForSelector("#review");
            check(page, "es-coach-review");
            page.navigate(url("/rules/"));
            assertThat(page.locator("main").textContent()).contains("Cómo decide el asesor");
            check(page, "es-rules-index");
            page.click("main table a >> nth=0");
            page.waitForLoadState();
            check(page, "es-rule-page");
        }
    }

    @Test
    void aFileOverTheUploadLimitIsSaidOnTheCoachPage() throws IOException {
        Path big = ROOT.resolve("big.zip");
        byte[] bytes = new byte[1536 * 1024];
        new Random(7).nextBytes(bytes);
        Files.write(big, bytes);
        try (BrowserContext session = browser.session("en-US")) {
            Page page = session.newPage();
            signIn(page, "cora");
            page.navigate(url("/coach"));
            page.setInputFiles("#ruleset", big);
            Response answer = page.waitForNavigation(() -> page.click("text=Check, test and compare"));
            assertThat(answer.status()).isEqualTo(413);
            assertThat(page.locator("main [role=alert]").textContent()).contains("The file is too big").contains("at most 1 MB");
            assertThat(page.locator("h1").textContent()).isEqualTo("Rule set in service");
        }
    }

    /** The time to check, test and compare an uploaded copy of the shipped set, through the API: the median of 3 (after one warm-up). */
    @Test
    @org.junit.jupiter.api.Order(1) // before any other set is put into service
    void theShippedSetUploadedAgainChangesNoDistrictAndTheTimeItTakesIsRecorded() throws Exception {
        byte[] zip = CoachPagesTest.zip(Map.of());
        HttpClient client = HttpClient.newHttpClient();
        List<Double> wall = new ArrayList<>();
        List<Long> server = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url("/api/rules/check")))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("cora:cora-pass".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - t) / 1e9;
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonObject json = JsonParser.parseString(r.body()).getAsJsonObject();
            assertThat(json.get("servable").getAsBoolean()).isTrue();
            assertThat(json.getAsJsonObject("diff").getAsJsonArray("changed")).isEmpty();
            if (i > 0) {
                wall.add(seconds);
                server.add(json.get("millis").getAsLong());
            }
        }
        wall.sort(Double::compare);
        server.sort(Long::compare);
        figure("check+test+diff of an uploaded copy of the shipped set (API, scenarios only)", String.format(Locale.ROOT,
                "median of 3: %.2f s wall, %d ms in the server (%d-byte zip)", wall.get(1), server.get(1), zip.length));
    }
}
