package org.equityadvisor.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "How the advisor decides": one page per rule, saying why, what, from which source, and where it fires and misses. */
class RuleBookTest {

    private static final String HOTSPOT = "Suggest a homework-hotspot map where students lack home internet";

    @TempDir
    Path tmp;

    @Test
    void aRulePageSaysWhyWhatFromWhichSourceAndWhereItFiresAndMisses() {
        KnowledgeBase kb = Fixtures.bundled();
        RuleBook book = RuleBook.of(kb, Fixtures.SCENARIOS);

        String page = book.pages(RuleBook.Format.MARKDOWN).get(book.slug(HOTSPOT) + ".md");

        assertThat(page).startsWith("# " + HOTSPOT)
                .contains("Homework hotspots at libraries and businesses are the quickest bridge")
                .contains("## Stage\n\nSuggest: findings become candidate goals")
                .contains("Gap( metric == \"GM-01\" )")
                .contains("- AS-09: " + kb.actions().get("AS-09").title())
                .contains("- COSN-TOOLKIT-2018: " + kb.sources().get("COSN-TOOLKIT-2018").citation())
                .contains("Riverbend Unified, rural and high-poverty")
                .contains("## Near miss in", "generated: GM-01 at 3 for the district (just within the threshold)")
                .contains("## Defined in\n\ntriggers.csv:");
        assertThat(page.substring(page.indexOf("## Near miss in"))).doesNotContain("No scenario shows");
    }

    @Test
    void everyRuleHasAPageLinkedFromTheIndex() {
        KnowledgeBase kb = Fixtures.fixture();
        SortedMap<String, String> pages = RuleBook.of(kb, null).pages(RuleBook.Format.HTML);

        assertThat(pages).hasSize(kb.rules().size() + 1);
        String index = pages.get("index.html");
        assertThat(index).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">", "<h1>How the advisor decides</h1>", kb.hash());
        pages.keySet().stream().filter(name -> !name.equals("index.html"))
                .forEach(name -> assertThat(index).contains("href=\"" + name + "\""));
    }

    @Test
    void aRuleNoScenarioExercisesSaysSo() {
        Fixtures.write(tmp.resolve("scenarios/weak.yaml"), """
                district: { name: Weak Support Unified, enrollment: 900 }
                answers: { SA-ACC-07: 1 }
                expect:
                  fired: ["Suggest a help desk when family tech support is weak"]
                """);
        RuleBook book = RuleBook.of(Fixtures.fixture(), tmp.resolve("scenarios"));

        String page = book.pages(RuleBook.Format.HTML).get(book.slug(HOTSPOT) + ".html");

        assertThat(page).contains("<h2>Fires in</h2>\n<p>No scenario makes this rule fire.</p>");
    }

    @Test
    void writesThePagesToAFolder() throws Exception {
        int written = RuleBook.of(Fixtures.fixture(), null).write(tmp.resolve("doc"), RuleBook.Format.MARKDOWN);

        try (var files = Files.list(tmp.resolve("doc"))) {
            assertThat(files.count()).isEqualTo(written);
        }
        assertThat(Files.readString(tmp.resolve("doc/index.md"))).startsWith("# How the advisor decides");
    }
}
