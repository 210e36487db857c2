package org.equityadvisor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Plan;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * `plan draft --top 3` on every district case: each plan meets every criterion of the CoSN rubric. A
 * district that already runs much gets its running work as goals in progress. The one exception is the goal
 * count of a strong district with little to do and little running: the advisor never invents goals its
 * evidence does not support, and the check says what is missing.
 */
class EveryScenarioPlanTest {

    @TestFactory
    Stream<DynamicTest> aTopThreePlanFromEveryScenarioPassesTheRubric() throws IOException {
        KnowledgeBase kb = Fixtures.bundled();
        DraftPlan drafts = new DraftPlan(kb);
        try (Stream<Path> files = Files.list(Fixtures.SCENARIOS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream().map(file -> DynamicTest.dynamicTest(
                    file.getFileName().toString(), () -> {
                        Assessment assessment = Fixtures.scenario(file.getFileName().toString());
                        Advice advice = new Advisor(kb).advise(assessment);
                        Plan plan = drafts.draftTop(assessment, advice, 3, null);
                        PlanCheck check = PlanCheck.of(plan);
                        assertThat(check.criteria()).filteredOn(c -> !c.met() && !c.name().startsWith("At least"))
                                .as("criteria not met").isEmpty();
                        if (plan.goals().size() < PlanCheck.MIN_GOALS) {
                            assertThat(advice.goals()).as("goals the advice suggests").hasSizeLessThan(PlanCheck.MIN_GOALS);
                            assertThat(check.criteria().get(0).reason()).contains("the CoSN plan asks for three or more");
                        } else {
                            assertThat(check.passed()).as(check.criteria().toString()).isTrue();
                        }
                    }));
        }
    }
}
