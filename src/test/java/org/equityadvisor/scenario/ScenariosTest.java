package org.equityadvisor.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every district case of scenarios/ against the bundled rules: the same files `rules test` runs. */
class ScenariosTest {

    private static SuiteResult result;

    private static synchronized SuiteResult result() {
        if (result == null) {
            KnowledgeBase kb = Fixtures.bundled();
            result = ScenarioSuite.load(Fixtures.SCENARIOS, kb).run(new Advisor(kb));
        }
        return result;
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioMeetsItsExpectations() {
        return result().results().stream().map(r -> DynamicTest.dynamicTest(r.scenario().name(),
                () -> assertThat(r.failures()).as(r.scenario().file()).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everyRowOfTheTriggerTableFiresInItsCaseAndMissesInItsNearMisses() {
        return result().generated().stream().map(r -> DynamicTest.dynamicTest(r.scenario().name(),
                () -> assertThat(r.failures()).as(r.scenario().file() + " " + r.scenario().description()).isEmpty()));
    }

    @Test
    void everyRowHasAFiringCaseAndANearMiss() {
        KnowledgeBase kb = Fixtures.bundled();
        assertThat(kb.triggers()).isNotEmpty();
        for (var row : kb.triggers()) {
            var cases = result().generated().stream().filter(r -> r.scenario().file().equals(row.location())).toList();
            assertThat(cases).as(row.location()).anyMatch(r -> r.scenario().expect().fired().contains(row.rule()))
                    .anyMatch(r -> r.scenario().expect().notFired().contains(row.rule()));
        }
    }

    @Test
    void thereAreAtLeastTwentyScenarios() {
        assertThat(result().results()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void everyRuleFiresInSomeScenarioAndMissesInAnother() {
        Coverage coverage = result().coverage();
        assertThat(coverage.rulesNeverFired()).as("rules no scenario fired").isEmpty();
        assertThat(coverage.rulesWithoutNearMiss()).as("rules without a near miss (notFired)").isEmpty();
    }

    @Test
    void everyCatalogActionAndPartnerIsSuggestedSomewhere() {
        assertThat(result().coverage().entriesNeverSuggested()).as("catalog entries no scenario suggested").isEmpty();
    }
}
