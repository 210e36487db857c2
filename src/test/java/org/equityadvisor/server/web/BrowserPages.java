package org.equityadvisor.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests of the pages share: one Chromium per test class (skipped, with the reason printed,
 * where /usr/bin/chromium is absent), the server's address, signing in, and the checks and figures of every page
 * they visit: a screenshot, its weight, and axe-core finding no WCAG 2.1 A/AA violation. The figures go to the
 * file its class names with {@link Figures}.
 */
abstract class BrowserPages {

    /** Where a class's figures go under target/, and the line heading them. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Figures {
        String file();

        String title();
    }

    static Browser browser;
    /** One class runs at a time; its figures are written and cleared when it ends. */
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        String why = Browser.unavailable();
        if (why != null) {
            System.out.println(why);
            Assumptions.abort(why);
        }
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser(TestInfo info) throws IOException {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        Figures where = info.getTestClass().map(c -> c.getAnnotation(Figures.class)).orElse(null);
        if (!FIGURES.isEmpty() && where != null) {
            StringBuilder out = new StringBuilder("# " + where.title() + ", one run\n");
            FIGURES.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", where.file()), out);
            System.out.print(out);
        }
        FIGURES.clear();
    }

    static void figure(String name, String value) {
        FIGURES.put(name, value);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Signs in with the test users' password convention (name-pass) and waits for the home page. */
    void signIn(Page page, String user) {
        page.navigate(url("/login"));
        page.fill("#username", user);
        page.fill("#password", user + "-pass");
        page.click("main button[type=submit]");
        page.waitForURL(url("/"));
    }

    /** Screenshot, page weight, and axe-core's verdict, which must be empty. */
    static void check(Page page, String name) {
        Browser.screenshot(page, name);
        Object bytes = page.evaluate("() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                + ".reduce((sum, e) => sum + (e.decodedBodySize || 0), 0)");
        figure("page weight " + name, String.format(Locale.ROOT, "%.1f KB", ((Number) bytes).doubleValue() / 1024));
        assertThat(Browser.violations(page)).as("axe-core on " + name).isEmpty();
    }
}
