package org.equityadvisor.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Measure;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

class AdviceWriterTest {

    private final Advice advice = new Advisor(Fixtures.fixture()).advise(Fixtures.assessment(List.of(new Answer("SA-ACC-07", 1)),
            List.of(new Measure("GM-01", "all", 2.5), new Measure("GM-01", "low-income", 14.0))));

    @Test
    void jsonCarriesEveryFieldTheContractRequires() throws Exception {
        JsonNode json = new ObjectMapper().readTree(AdviceWriter.write(advice, AdviceWriter.Format.JSON));

        assertThat(json.get("ruleSet").asText()).startsWith("sha256:");
        assertThat(json.get("district").asText()).isEqualTo("Riverbend Unified");
        JsonNode gap = json.get("findings").get(0);
        assertThat(gap.get("kind").asText()).isEqualTo("gap");
        assertThat(gap.get("group").asText()).isEqualTo("low-income");
        assertThat(gap.get("severity").asText()).isEqualTo("severe");
        for (JsonNode goal : json.get("goals")) {
            assertThat(goal.fieldNames()).toIterable().contains("id", "title", "divide", "rank", "score", "because", "actions", "partners");
            assertThat(goal.get("divide").asText()).isIn("ACCESS", "USE", "DESIGN");
            for (JsonNode action : goal.get("actions")) {
                assertThat(action.fieldNames()).toIterable().contains("id", "title", "timeline", "team", "partners", "outcome", "because");
                assertThat(action.get("timeline").fieldNames()).toIterable().containsExactly("startMonth", "months");
                assertThat(action.get("outcome").fieldNames()).toIterable().contains("metric", "group", "baseline", "target", "months");
                assertThat(action.get("because").get(0).fieldNames()).toIterable().containsExactly("rule", "sources", "text");
            }
        }
    }

    @Test
    void textFitsOneHundredColumnsOrANarrowerTerminalForEveryScenario() throws Exception {
        try (var files = java.nio.file.Files.list(Fixtures.SCENARIOS)) {
            List<String> scenarios = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml")).sorted().toList();
            assertThat(scenarios).isNotEmpty();
            Advisor advisor = new Advisor(Fixtures.bundled());
            for (String scenario : scenarios) {
                Advice real = advisor.advise(Fixtures.scenario(scenario));
                for (int width : new int[] {100, 60}) {
                    String text = AdviceWriter.write(real, AdviceWriter.Format.TEXT, width);
                    // A single word longer than the width (a long URL) is the only line allowed past it.
                    assertThat(text.lines().filter(l -> l.length() > width && l.strip().contains(" ")))
                            .as(scenario + " at " + width + " columns").isEmpty();
                    assertThat(text.replaceAll("\\s+", " ")).as("wrapping loses no word").isEqualTo(
                            AdviceWriter.write(real, AdviceWriter.Format.TEXT, 100).replaceAll("\\s+", " "));
                }
            }
        }
    }

    @Test
    void markdownListsFindingsAndGoalsWithTheirReasons() {
        String md = AdviceWriter.write(advice, AdviceWriter.Format.MARKDOWN);

        assertThat(md).startsWith("# Digital equity advice: Riverbend Unified")
                .contains("| gap (severe) | GM-01 | low-income |", "### 1. ", "#### Action steps", "- Why: Suggested because 14% of low-income");
    }

    @Test
    void textShowsEachStepsOutcomeWithItsBaselineAndTarget() {
        String text = AdviceWriter.write(advice, AdviceWriter.Format.TEXT);

        assertThat(text).contains("FINDINGS", "SUGGESTED GOALS", "Outcome: Target within 12 months: 3% of low-income students have no")
                .contains("(today 14%)").doesNotContain("[N]", "[X]", "[date]");
    }
}
