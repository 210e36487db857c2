package org.equityadvisor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equityadvisor.advise.Advisor;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Plan;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

class PlanFileTest {

    private static final KnowledgeBase KB = Fixtures.bundled();
    private static final Plan PLAN;

    static {
        Assessment riverbend = Fixtures.scenario("riverbend-rural-high-poverty.yaml");
        PLAN = new DraftPlan(KB).draftTop(riverbend, new Advisor(KB).advise(riverbend), 3, null);
    }

    @Test
    void aWrittenPlanReadsBackIntoAnEqualPlan() {
        String json = PlanFile.write(PLAN);

        Plan read = PlanFile.read("plan.json", json);

        assertThat(read).isEqualTo(PLAN);
        assertThat(PlanFile.write(read)).isEqualTo(json);
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() {
        String broken = PlanFile.write(PLAN).replaceFirst("\"title\" : ", "\"title\" ");

        assertThatThrownBy(() -> PlanFile.read("plan.json", broken)).isInstanceOf(InputException.class)
                .hasMessageContaining("plan.json:2:").hasMessageContaining("malformed JSON");
    }

    @Test
    void aDateEditedByHandIntoTextNamesTheField() {
        String edited = PlanFile.write(PLAN).replaceFirst("\"due\" : \"[0-9-]+\"", "\"due\" : \"next spring\"");

        assertThatThrownBy(() -> PlanFile.read("plan.json", edited))
                .hasMessageContaining("goals[0].steps[0].due").hasMessageContaining("'next spring' is not a date (YYYY-MM-DD)");
    }

    @Test
    void anUnknownFieldIsNamed() {
        String edited = PlanFile.write(PLAN).replaceFirst("\"statement\" :", "\"statment\" :");

        assertThatThrownBy(() -> PlanFile.read("plan.json", edited)).hasMessageContaining("goals[0]").hasMessageContaining("unknown field 'statment'");
    }

    @Test
    void everyMissingOrWrongFieldIsReportedAtOnce() {
        String edited = PlanFile.write(PLAN).replaceFirst("\"title\" : \"[^\"]*\"", "\"title\" : \"\"")
                .replaceFirst("\"status\" : \"planned\"", "\"status\" : \"finished\"")
                .replaceFirst("\"divide\" : \"ACCESS\"", "\"divide\" : null");

        assertThatThrownBy(() -> PlanFile.read("plan.json", edited)).isInstanceOfSatisfying(InputException.class, e ->
                assertThat(e.problems()).extracting(p -> p.place() + " " + p.message()).contains(
                        "plan.json:2: title is required",
                        "plan.json:10: goals[0].divide is required (ACCESS, USE or DESIGN)",
                        "plan.json:19: goals[0].steps[0].status 'finished' is not one of done, in-progress, planned"));
    }

    @Test
    void aWrongDivideListsTheAllowedOnes() {
        String edited = PlanFile.write(PLAN).replaceFirst("\"divide\" : \"ACCESS\"", "\"divide\" : \"ACCES\"");

        assertThatThrownBy(() -> PlanFile.read("plan.json", edited)).hasMessageContaining("goals[0].divide")
                .hasMessageContaining("'ACCES' is not one of ACCESS, USE, DESIGN");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> PlanFile.read("plan.json", "")).isInstanceOf(InputException.class).hasMessageContaining("plan.json");
    }
}
