package org.equityadvisor.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.equityadvisor.export.AdviceWriter;
import org.equityadvisor.imports.PublicFigures;
import org.equityadvisor.imports.SimilarDistricts;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Measure;
import org.equityadvisor.scenario.Scenario;
import org.equityadvisor.scenario.ScenarioSuite;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Advice from a session that already holds the rule set's catalog and served other districts before is the
 * advice a fresh session gives, byte for byte; and a session whose run broke the rule budget is never reused.
 */
class ReusedSessionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    /** The scenarios and every 40th district of the public table (about 330), with their peers compared. */
    private static Map<String, Assessment> districts(KnowledgeBase kb) {
        Map<String, Assessment> out = new LinkedHashMap<>();
        for (Scenario s : ScenarioSuite.load(Fixtures.SCENARIOS, kb).scenarios()) {
            if (s.readable()) {
                out.put("scenario " + s.assessment().district().name(), s.assessment());
            }
        }
        PublicFigures table = PublicFigures.bundled();
        List<PublicFigures.DistrictFigures> rows = table.districts();
        for (int i = 0; i < rows.size(); i += 40) {
            try {
                out.put("district " + rows.get(i).leaid(), table.starter(rows.get(i)));
            } catch (InputException placeholder) {
                // a row that counts no children has no figures to start from
            }
        }
        return out;
    }

    private static Map<String, String> advise(Advisor advisor, List<Map.Entry<String, Assessment>> order) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Assessment> e : order) {
            out.put(e.getKey(), AdviceWriter.json(advisor.advise(e.getValue())));
        }
        return out;
    }

    private static void same(Map<String, String> actual, Map<String, String> expected) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((district, json) -> assertThat(actual.get(district)).as(district).isEqualTo(json));
    }

    @Test
    void everyScenarioAndPublicDistrictGetsTheSameAdviceJsonFromAReusedSessionAsFromAFreshOne() throws Exception {
        KnowledgeBase kb = Fixtures.bundled();
        Advisor reused = new Advisor(kb, CLOCK, new RuleBudget(RuleBudget.DEFAULT_MAX_FIRINGS, RuleBudget.DEFAULT_TIME)).withPeers(SimilarDistricts.bundled()::compare);
        Advisor fresh = reused.freshSessions();
        Map<String, Assessment> districts = districts(kb);
        assertThat(districts).hasSizeGreaterThan(300);
        List<Map.Entry<String, Assessment>> order = new ArrayList<>(districts.entrySet());
        Map<String, String> expected = advise(fresh, order);

        assertThat(reused.sessions().reusable).as("the bundled rules can run in kept sessions").isTrue();
        same(advise(reused, order), expected);
        assertThat(reused.sessions().idle()).as("sessions were kept and reused").isPositive();
        Collections.reverse(order);
        same(advise(reused, order), expected);
        Collections.shuffle(order, new Random(14));
        same(advise(reused, order), expected);

        // Every language the rule set speaks, in a view made per advice as the server does, sharing the kept sessions.
        for (String language : kb.languages()) {
            Map<String, String> inLanguage = new LinkedHashMap<>();
            for (Map.Entry<String, Assessment> e : order.subList(0, 60)) {
                inLanguage.put(e.getKey(), AdviceWriter.json(fresh.inLanguage(language).advise(e.getValue())));
            }
            Map<String, String> kept = new LinkedHashMap<>();
            for (Map.Entry<String, Assessment> e : order.subList(0, 60)) {
                kept.put(e.getKey(), AdviceWriter.json(reused.inLanguage(language).advise(e.getValue())));
            }
            same(kept, inLanguage);
            assertThat(reused.inLanguage(language).sessions().idle()).as(language + ": sessions kept across per-request views").isPositive();
        }

        // Two threads, each in its own order, sharing the pool.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Map<String, String>>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                List<Map.Entry<String, Assessment>> mine = new ArrayList<>(order);
                Collections.shuffle(mine, new Random(t));
                runs.add(threads.submit(() -> advise(reused, mine)));
            }
            for (Future<Map<String, String>> run : runs) {
                same(run.get(), expected);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static final String META = "    @source(\"OET-ADEA-2022\")\n    @divide(\"ACCESS\")\n    agenda-group \"suggest\"\n";
    /** Loops for ever, but only for a district with a gap. */
    private static final String PING_PONG = "rule \"Adds the help desk\"\n" + META + "when\n    $g : Gap()\n    not Suggestion( id == \"AS-16\" )\n"
            + "then\n    insert( new Suggestion(\"AS-16\") );\nend\n\n"
            + "rule \"Removes the help desk\"\n" + META + "when\n    $s : Suggestion( id == \"AS-16\" )\nthen\n    delete( $s );\nend\n";

    private KnowledgeBase runaway() {
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp);
        Fixtures.write(rules.resolve("runaway.drl"), "package org.equityadvisor.rules;\n\nimport org.equityadvisor.model.*;\n\n" + PING_PONG);
        return KnowledgeBase.load(rules);
    }

    @Test
    void aSessionWhoseRunBrokeTheBudgetIsNeverReusedWhileNormalRunsKeepTheirs() {
        Assessment looping = Fixtures.assessment(List.of(), List.of(new Measure("GM-01", "all", 12.0)));
        Assessment quiet = Fixtures.assessment(List.of(), List.of());
        for (RuleBudget budget : List.of(new RuleBudget(5_000, Duration.ofSeconds(30)), new RuleBudget(Integer.MAX_VALUE, Duration.ofMillis(200)))) {
            Advisor advisor = new Advisor(runaway(), CLOCK, budget);
            RuleRun.SessionPool pool = advisor.sessions();
            assertThat(pool.reusable).isTrue();
            String first = AdviceWriter.json(advisor.advise(quiet));
            assertThat(pool.idle()).as("a normal run gives its session back").isEqualTo(1);

            assertThatThrownBy(() -> advisor.advise(looping)).isInstanceOf(RuleBudgetException.class);
            assertThat(pool.idle()).as("the session of the broken run (" + budget + ") is dropped").isZero();
            assertThatThrownBy(() -> advisor.advise(looping)).isInstanceOf(RuleBudgetException.class);
            assertThat(pool.idle()).isZero();

            assertThat(AdviceWriter.json(advisor.advise(quiet))).isEqualTo(first);
            assertThat(pool.idle()).isEqualTo(1);
            tmp = tmp.resolve("again");
        }
    }
}
