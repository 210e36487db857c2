package org.equityadvisor.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.Finding;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.SuggestedAction;
import org.equityadvisor.model.SuggestedGoal;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

class AdvisorTest {

    private final KnowledgeBase kb = Fixtures.fixture();
    private final Advisor advisor = new Advisor(kb);

    @Test
    void findsASubgroupGapEvenWhenTheDistrictAverageIsUnderTheThreshold() {
        Advice advice = advisor.advise(Fixtures.assessment(List.of(), List.of(
                new Measure("GM-01", "all", 2.5),
                new Measure("GM-01", "low-income", 14.0, 812, null, 2025, "2025 family survey"))));

        assertThat(advice.findings()).filteredOn(f -> f.kind().equals(Finding.GAP))
                .extracting(Finding::id, Finding::group, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GM-01", "low-income", "severe"));
        SuggestedAction map = action(advice, "AS-09");
        assertThat(map.because()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("Suggest a homework-hotspot map where students lack home internet");
            assertThat(r.text()).isEqualTo("Suggested because in 2025, 14% of low-income students have no home internet (district 2.5%, "
                    + "threshold 3%, severe past 10%; 2025 family survey, n=812). Source: Advancing Digital Equity for All "
                    + "(US Department of Education, Office of Educational Technology, 2022).");
        });
        assertThat(map.outcome().group()).isEqualTo("low-income");
        assertThat(map.outcome().baseline()).isEqualTo(14.0);
        assertThat(map.outcome().target()).isEqualTo(3.0);
        assertThat(map.outcome().text()).startsWith("Target within 12 months: 3% of low-income students have no home internet (14% in 2025).");
    }

    @Test
    void aGroupWithinTheThresholdButBehindTheDistrictAimsToCloseTheDisparity() {
        Advice advice = new Advisor(Fixtures.bundled()).advise(Fixtures.assessment(List.of(), List.of(
                new Measure("GM-06", "all", 8.0), new Measure("GM-06", "english-learners", 20.0, 900, null, 2026, "2026 family survey"))));

        SuggestedAction sharing = action(advice, "AS-05");
        assertThat(sharing.outcome().group()).isEqualTo("english-learners");
        assertThat(sharing.outcome().baseline()).isEqualTo(20.0);
        // Within 5 points (the disparity threshold, GM-10) of the district's 8%, not the 25% threshold it already meets.
        assertThat(sharing.outcome().target()).isEqualTo(13.0);
    }

    @Test
    void anOutcomeWithoutAFigureSaysItsBaselineIsToBeCollected() {
        Advice advice = new Advisor(Fixtures.bundled()).advise(Fixtures.assessment(
                List.of(new Answer("SA-ACC-03", 1, null)), List.of(new Measure("GM-01", "all", 2.0))));

        SuggestedAction device = action(advice, "AS-04");
        assertThat(device.outcome().baseline()).isNull();
        assertThat(device.outcome().text()).contains("(baseline to be collected)");
    }

    @Test
    void aGroupSmallerThanTenIsWithheldNeverUsed() {
        Advice advice = advisor.advise(Fixtures.assessment(List.of(), List.of(
                new Measure("GM-01", "all", 2.5), new Measure("GM-01", "low-income", 37.5, 8, null, 2025, "2025 family survey"))));

        assertThat(advice.findings()).noneMatch(f -> f.kind().equals(Finding.GAP));
        assertThat(advice.findings()).filteredOn(f -> f.kind().equals(Finding.DATA_GAP)).singleElement().satisfies(f -> {
            assertThat(f.group()).isEqualTo("low-income");
            assertThat(f.value()).isNull();
            assertThat(f.text()).contains("withheld", "counts 8 students", "smaller than 10").doesNotContain("37.5");
        });
        assertThat(org.equityadvisor.export.AdviceWriter.json(advice)).doesNotContain("37.5");
    }

    @Test
    void findsNoGapWhenEveryGroupIsWithinTheThreshold() {
        Advice advice = advisor.advise(Fixtures.assessment(List.of(), List.of(
                new Measure("GM-01", "all", 2.5), new Measure("GM-01", "low-income", 3.0))));

        assertThat(advice.findings()).noneMatch(f -> f.kind().equals(Finding.GAP));
        assertThat(advice.goals()).isEmpty();
    }

    @Test
    void neverSuggestsAnActionTiedToTheAffordableConnectivityProgram() {
        Explanation explanation = advisor.explain(Fixtures.assessment(List.of(), List.of(new Measure("GM-01", "all", 12.0))));

        assertThat(explanation.advice().suggestedIds()).doesNotContain("AS-90").contains("AS-11");
        assertThat(explanation.decisions()).filteredOn(d -> d.id().equals("AS-90")).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Decision.DROPPED);
            assertThat(d.reason()).contains("Affordable Connectivity Program", "2024-06-01");
        });
    }

    @Test
    void wouldHaveSuggestedTheProgrammeBeforeItEnded() {
        Clock spring2024 = Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC);
        Assessment a = Fixtures.assessment(new District("Riverbend Unified", null, null, null, null, null, null, LocalDate.of(2024, 3, 1), List.of()),
                List.of(), List.of(new Measure("GM-01", "all", 12.0)));

        assertThat(new Advisor(kb, spring2024).advise(a).suggestedIds()).contains("AS-90");
    }

    @Test
    void dropsAnActionTheDistrictAlreadyRuns() {
        Assessment a = Fixtures.assessment(new District("Riverbend Unified", null, null, null, null, null, null, null, List.of("AS-09")),
                List.of(), List.of(new Measure("GM-01", "all", 6.0)));

        Explanation explanation = advisor.explain(a);

        assertThat(explanation.advice().suggestedIds()).doesNotContain("AS-09").contains("AS-11");
        assertThat(explanation.decisions()).filteredOn(d -> d.id().equals("AS-09")).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("Drop an action the district already runs")
                        .endsWith("because Riverbend Unified lists AS-09 among the steps it already runs (inPlace)"));
    }

    @Test
    void suggestsScalingUpAnActionInPlaceWhileItsSevereGapPersists() {
        Assessment a = Fixtures.assessment(new District("Riverbend Unified", null, null, null, null, null, null, null, List.of("AS-09")),
                List.of(), List.of(new Measure("GM-01", "all", 12.0)));

        SuggestedAction map = action(advisor.advise(a), "AS-09");

        assertThat(map.scaleUp()).isTrue();
        assertThat(org.equityadvisor.export.AdviceWriter.write(advisor.advise(a), org.equityadvisor.export.AdviceWriter.Format.TEXT))
                .contains("Scale up (already in place): Publish a multilingual homework-hotspot map");
    }

    @Test
    void lowersConfidenceAndSaysVerifyLocallyWhenAFigureRestsOnFewAnswers() {
        Assessment few = Fixtures.assessment(List.of(), List.of(new Measure("GM-01", "all", 2.0),
                new Measure("GM-01", "race:Native", 9.0, 18, null, null, null)));
        Assessment many = Fixtures.assessment(List.of(), List.of(new Measure("GM-01", "all", 2.0),
                new Measure("GM-01", "race:Native", 9.0, 180, null, null, null)));

        SuggestedAction uncertain = action(advisor.advise(few), "AS-09");
        SuggestedAction certain = action(advisor.advise(many), "AS-09");

        assertThat(uncertain.confidence()).isEqualTo("low");
        assertThat(uncertain.because().get(0).text()).contains("9% of Native students have no home internet", "only 18 answers, verify locally");
        assertThat(uncertain.score()).isLessThan(certain.score());
        assertThat(certain.confidence()).isNull();
        assertThat(advisor.advise(few).findings()).filteredOn(f -> "race:Native".equals(f.group())).singleElement()
                .satisfies(f -> assertThat(f.confidence()).isEqualTo("low"));
    }

    @Test
    void aMarginOfErrorThatCouldCrossTheThresholdMakesAGapUncertain() {
        Advice advice = advisor.advise(Fixtures.assessment(List.of(), List.of(new Measure("GM-01", "all", 4.0, 900, 1.5, null, null))));

        assertThat(advice.findings()).filteredOn(f -> f.kind().equals(Finding.GAP)).singleElement().satisfies(f -> {
            assertThat(f.confidence()).isEqualTo("low");
            assertThat(f.text()).contains("margin of error could cross the line, verify locally");
        });
    }

    @Test
    void carriesTheCaveatOfAProgrammeThatStillRuns() {
        Advice advice = advisor.advise(Fixtures.assessment(List.of(), List.of(new Measure("GM-01", "all", 12.0))));

        assertThat(action(advice, "AS-11").caveats()).containsExactly("Lifeline: Verify eligibility (at most 135% of the Federal Poverty Guidelines).");
    }

    @Test
    void ranksTheGoalWithTheSeverestGapFirstAndNumbersRanksFromOne() {
        Advice advice = advisor.advise(Fixtures.assessment(List.of(new Answer("SA-ACC-07", 2)), List.of(new Measure("GM-01", "all", 12.0))));

        assertThat(advice.goals()).extracting(SuggestedGoal::rank).containsExactly(1, 2);
        assertThat(advice.goals().get(0).score()).isGreaterThanOrEqualTo(advice.goals().get(1).score());
        SuggestedGoal adopt = advice.goals().stream().filter(g -> g.id().equals("G-ADOPT")).findFirst().orElseThrow();
        assertThat(adopt.actions()).extracting(SuggestedAction::id).containsExactly("AS-11", "AS-16");
        assertThat(adopt.partners()).extracting(p -> p.id()).containsExactly("PT-01");
    }

    @Test
    void givesByteIdenticalAdviceForTheSameInput() {
        Assessment a = Fixtures.assessment(List.of(new Answer("SA-ACC-07", 1)), List.of(
                new Measure("GM-01", "all", 4.0), new Measure("GM-01", "low-income", 11.0), new Measure("GM-01", "race:Native", 9.5)));

        String first = org.equityadvisor.export.AdviceWriter.json(advisor.advise(a));
        String second = org.equityadvisor.export.AdviceWriter.json(new Advisor(Fixtures.fixture()).advise(a));

        assertThat(second).isEqualTo(first).contains("\"ruleSet\" : \"" + kb.hash() + "\"");
    }

    /** One advisor, every scenario in turn and on two threads at once, gives what a fresh advisor gives; advise and explain agree. */
    @Test
    void oneAdvisorGivesEachScenarioTheAdviceAFreshOneGivesOnAnyThread() throws Exception {
        KnowledgeBase bundled = Fixtures.bundled();
        Advisor shared = new Advisor(bundled);
        List<String> scenarios;
        try (var files = java.nio.file.Files.list(Fixtures.SCENARIOS)) {
            scenarios = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml")).sorted().toList();
        }
        assertThat(scenarios).hasSizeGreaterThan(3);
        Map<String, String> fresh = new java.util.TreeMap<>();
        for (String s : scenarios) {
            Assessment a = Fixtures.scenario(s);
            fresh.put(s, org.equityadvisor.export.AdviceWriter.json(new Advisor(bundled).advise(a)));
            assertThat(shared.explain(a).advice()).as(s + ": advise and explain agree").isEqualTo(shared.advise(a));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Boolean>> same = new java.util.ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (String s : scenarios) {
                    same.add(pool.submit(() -> fresh.get(s).equals(org.equityadvisor.export.AdviceWriter.json(shared.advise(Fixtures.scenario(s))))));
                }
            }
            for (var f : same) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void refusesAnAssessmentWithUnknownIdsAndValuesOutOfRangeNamingEach() {
        Assessment a = new Assessment(District.named(" "), List.of(new Answer("SA-ACC-99", 7)),
                List.of(new Measure("GM-01", "all", -3.0), new Measure("GM-01", "all", 140.0)), Map.of("GM-77", 5.0));

        assertThatThrownBy(() -> advisor.advise(a)).isInstanceOf(InputException.class).satisfies(e -> assertThat(((InputException) e).problems())
                .extracting(Object::toString)
                .contains("district.name: is required: the district's name",
                        "answers.SA-ACC-99: level 7 is outside 1..4 (1 Foundational, 2 Developing, 3 Established, 4 Advanced)",
                        "measures[0].value: -3 is negative; a percentage is within 0..100",
                        "measures[1].value: 140 is above 100",
                        "thresholds.GM-77: 'GM-77' is not a gap metric"));
    }

    private static SuggestedAction action(Advice advice, String id) {
        return advice.goals().stream().flatMap(g -> g.actions().stream()).filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }
}
