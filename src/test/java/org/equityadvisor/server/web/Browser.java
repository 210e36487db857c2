package org.equityadvisor.server.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, never a downloaded browser; axe-core (vendored from the npm
 * registry as a test resource) injected into each page to check it against WCAG 2.1 A and AA.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** The flags that keep Chromium off the network and quiet on a closed machine (tech-notes.md). */
    static final List<String> ARGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage");
    static final Path SHOTS = Path.of("target", "screenshots");

    private static String axe;
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    /** Why browser tests cannot run here, or null when they can. */
    static String unavailable() {
        return Files.isExecutable(CHROMIUM) ? null : CHROMIUM + " is not installed (apt-get install -y chromium): the browser tests are skipped";
    }

    Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS));
    }

    /** A new browser session (its own cookies) in this language. The page's own CSP stays on except for the injected axe. */
    BrowserContext session(String language) {
        return browser.newContext(new NewContextOptions().setLocale(language).setBypassCSP(true).setAcceptDownloads(true)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)));
    }

    /** The WCAG 2.1 A/AA violations axe-core finds on the page: rule id, impact and the first offending element. */
    static List<String> violations(Page page) {
        if (axe == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
        Object result = page.evaluate("async () => JSON.stringify((await axe.run(document, {runOnly: {type: 'tag', values: "
                + "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations)");
        List<String> out = new ArrayList<>();
        JsonArray list = JsonParser.parseString((String) result).getAsJsonArray();
        for (JsonElement e : list) {
            JsonObject v = e.getAsJsonObject();
            JsonArray nodes = v.getAsJsonArray("nodes");
            String where = nodes.isEmpty() ? "" : nodes.get(0).getAsJsonObject().get("html").getAsString();
            out.add(v.get("id").getAsString() + " (" + v.get("impact").getAsString() + ", " + nodes.size() + " elements, e.g. " + where + ")");
        }
        return out;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
