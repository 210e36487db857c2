package org.equityadvisor.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.equityadvisor.export.AdviceWriter;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Finding;
import org.equityadvisor.model.Reason;
import org.equityadvisor.model.SuggestedAction;
import org.equityadvisor.model.SuggestedGoal;
import org.equityadvisor.model.SuggestedPartner;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Advice in Spanish: the rule set's words from rules/i18n/es.yaml, the engine's own from its frames; English as it was. */
class SpanishAdviceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T12:00:00Z"), ZoneOffset.UTC);

    /**
     * Sentences of the engine's English frames: none may be left inside Spanish advice. (A district's own notes and
     * source names are its words, in whatever language it wrote them, and are quoted as written.)
     */
    private static final List<String> ENGLISH_FRAMES = List.of("Suggested because", "Suggested by the rule set", "Target within", "Keep over the next",
            "Also tracked", "Baseline to be collected", "(today ", "inferred, not measured", "Inferred, not measured", "worse than the district",
            "rates itself", "threshold", " Source: ", " Sources: ", "Scale it up", "Works with", "same finding as", "uncertain:", "verify locally",
            " points", " months", " answer,", "counts about", "is withheld", "have no home internet", "low-income students", " in 20");

    @TempDir
    Path tmp;

    private static List<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.SCENARIOS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static String json(Advisor advisor, Path scenario) {
        Assessment a = Fixtures.scenario(scenario.getFileName().toString());
        return AdviceWriter.json(advisor.advise(a));
    }

    @Test
    void englishAdviceForEveryScenarioIsByteForByteWhatTheRuleSetWithoutTranslationsGives() throws IOException {
        Path untranslated = Fixtures.copy(Fixtures.BUNDLED_RULES, tmp);
        try (Stream<Path> files = Files.walk(untranslated.resolve("i18n"))) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        KnowledgeBase before = KnowledgeBase.load(untranslated);
        KnowledgeBase after = Fixtures.bundled();
        assertThat(before.languages()).containsExactly("en");
        assertThat(after.hash()).as("the translations are part of the rule set's hash").isNotEqualTo(before.hash());
        for (Path scenario : scenarios()) {
            String was = json(new Advisor(before, CLOCK), scenario).replace(before.hash(), "HASH");
            String is = json(new Advisor(after, CLOCK), scenario).replace(after.hash(), "HASH");
            assertThat(is).as(scenario.toString()).isEqualTo(was).doesNotContain("\"language\"");
        }
    }

    @Test
    void spanishAdviceForEveryScenarioLeavesNoEnglishFrameAndSaysItsLanguage() throws IOException {
        Advisor spanish = new Advisor(Fixtures.bundled(), CLOCK).inLanguage("es");
        for (Path scenario : scenarios()) {
            Advice advice = spanish.advise(Fixtures.scenario(scenario.getFileName().toString()));
            assertThat(advice.language()).isEqualTo("es");
            assertThat(AdviceWriter.json(advice)).contains("\"language\" : \"es\"");
            for (String sentence : sentences(advice)) {
                assertThat(sentence).as(scenario + ": " + sentence).doesNotContain(ENGLISH_FRAMES);
            }
        }
    }

    @Test
    void spanishAdviceCarriesTheSpanishTitlesOutcomesAndReasons() {
        Advice advice = new Advisor(Fixtures.bundled(), CLOCK).inLanguage("es").advise(Fixtures.scenario("harbor-city-affordability.yaml"));
        KnowledgeBase es = Fixtures.bundled().in("es");

        SuggestedAction first = advice.goals().get(0).actions().get(0);
        assertThat(first.title()).isEqualTo(es.actions().get(first.id()).title()).isNotEqualTo(Fixtures.bundled().actions().get(first.id()).title());
        assertThat(advice.goals().get(0).title()).isEqualTo(es.goals().get(advice.goals().get(0).id()).title());
        assertThat(first.outcome().text()).containsAnyOf("Meta en", "Mantener durante", "Línea de base por recopilar", "En ");
        assertThat(first.because().get(0).text()).startsWith("Sugerido");
        assertThat(advice.findings()).anyMatch(f -> f.text().contains("estudiantes"));
    }

    @Test
    void sameInputRuleSetAndLanguageGiveTheSameBytes() {
        Advisor spanish = new Advisor(Fixtures.bundled(), CLOCK).inLanguage("es");
        Path scenario = Fixtures.SCENARIOS.resolve("harbor-city-affordability.yaml");
        assertThat(json(spanish, scenario)).isEqualTo(json(new Advisor(Fixtures.bundled(), CLOCK).inLanguage("es"), scenario));
    }

    @Test
    void anUnknownLanguageIsAnErrorNamingItAndTheLanguagesThereAre() {
        Advisor advisor = new Advisor(Fixtures.bundled(), CLOCK);
        assertThat(advisor.inLanguage("en").language()).isEqualTo("en");
        assertThatThrownBy(() -> advisor.inLanguage("fr")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown language 'fr': the rule set speaks en, es");
    }

    /** Every sentence of the advice a reader sees. */
    private static List<String> sentences(Advice advice) {
        Stream<String> findings = advice.findings().stream().map(Finding::text);
        Stream<String> goals = advice.goals().stream().flatMap(SpanishAdviceTest::goal);
        return Stream.concat(findings, goals).toList();
    }

    private static Stream<String> goal(SuggestedGoal g) {
        Stream<String> own = Stream.concat(Stream.of(g.title(), g.description()), g.because().stream().map(Reason::text));
        Stream<String> actions = g.actions().stream().flatMap(a -> Stream.concat(Stream.concat(Stream.of(a.title(), a.description(), a.outcome().text()),
                a.because().stream().map(Reason::text)), a.caveats().stream()));
        Stream<String> partners = g.partners().stream().flatMap((SuggestedPartner p) -> Stream.concat(Stream.of(p.title(), p.description()),
                p.because().stream().map(Reason::text)));
        return Stream.concat(own, Stream.concat(actions, partners));
    }
}
