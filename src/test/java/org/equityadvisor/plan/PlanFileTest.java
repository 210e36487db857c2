package org.equityadvisor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

import org.equityadvisor.advise.Advisor;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.Problem;
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
                        "plan.json:19: goals[0].steps[0].status 'finished' is not one of blocked, done, in-progress, planned"));
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

    private static List<String> problems(String json) {
        InputException e = catchThrowableOfType(InputException.class, () -> PlanFile.read("plan.json", json));
        assertThat(e).as("the plan should be refused").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void refusesAStepDueInYear999999999WithItsLineAndField() {
        String edited = PlanFile.write(PLAN).replaceFirst("\"due\" : \"[0-9-]+\"", "\"due\" : \"+999999999-12-31\"");

        assertThat(problems(edited)).singleElement().asString().matches("plan\\.json:\\d+: goals\\[0]\\.steps\\[0]\\.due: "
                + "\\+999999999-12-31 is after 2100-12-31; use a date from 1990-01-01 to 2100-12-31");
    }

    @Test
    void refusesATitleOrDistrictLongerThanTheirMaximum() {
        String edited = PlanFile.write(PLAN).replaceFirst("\"title\" : \"[^\"]*\"", "\"title\" : \"" + "t".repeat(1_001) + "\"")
                .replaceFirst("\"district\" : \"[^\"]*\"", "\"district\" : \"" + "d".repeat(501) + "\"");

        assertThat(problems(edited)).containsExactly("plan.json:2: title: is 1,001 characters long; a title has at most 500",
                "plan.json:3: district: is 501 characters long; a name has at most 200");
    }

    @Test
    void refusesControlCharactersThatWouldBreakThePdf() {
        String edited = PlanFile.write(PLAN).replaceFirst("\"statement\" : \"", "\"statement\" : \"\\\\u000c");

        assertThat(problems(edited)).singleElement().asString()
                .matches("plan\\.json:\\d+: goals\\[0]\\.statement: contains the control character U\\+000C at character 1, which cannot be printed; remove it");
    }

    @Test
    void refusesAFigureThatIsNotANumberAndAStartPastTheLastPlanStart() {
        String nan = PlanFile.write(PLAN).replaceFirst("\"baseline\" : [0-9.]+", "\"baseline\" : \"NaN\"");
        String late = PlanFile.write(PLAN).replaceFirst("\"start\" : \"2027-01-11\"", "\"start\" : \"2099-01-11\"");

        assertThat(problems(nan)).singleElement().asString().matches("plan\\.json:\\d+: goals\\[0]\\.outcomes\\[0]\\.baseline: is not a number");
        assertThat(problems(late)).containsExactly("plan.json:4: start: 2099-01-11 is after 2090-12-31; use a date from 1990-01-01 to 2090-12-31");
    }

    @Test
    void refusesAnAdviceGoalWithoutTheIdThatLaterEditsLookUp() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(PlanFile.write(PLAN));
        ((ObjectNode) tree.get("advice").get("goals").get(0)).remove("id");

        assertThat(problems(json.writerWithDefaultPrettyPrinter().writeValueAsString(tree))).singleElement().asString()
                .matches("plan\\.json:\\d+: advice\\.goals\\[0]\\.id: is required");
    }
}
