package org.equityadvisor.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.equityadvisor.model.Actual;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.ProgressStatus;
import org.equityadvisor.model.StepStatus;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A state's plans under the State Digital Equity Plan fields of rules/ntia.yaml. */
class RollupTest {

    private final Progress progress = new Progress(Fixtures.bundled());
    private final Plan riverbend = ProgressTest.roundOne();

    private static Plan inState(Plan plan, String state, String id) {
        District d = plan.assessment().district();
        District moved = new District(d.name() + " " + id, id, state, d.locale(), d.enrollment(), d.schools(), d.lowIncomePct(), d.planStart(), d.inPlace());
        Assessment a = new Assessment(moved, plan.assessment().answers(), plan.assessment().measures(), plan.assessment().thresholds());
        return new Plan(plan.title(), moved.name(), plan.start(), plan.overview(), plan.reflection(), plan.goals(), plan.ruleSet(), a, plan.advice());
    }

    @Test
    void onlyTheStatesOwnPlansCountAndEachObjectiveGathersTheGoalsThatServeIt() {
        Plan done = progress.setStatus(riverbend, "G-CONNECT", "AS-09", StepStatus.DONE, null, "Ana", LocalDate.of(2027, 3, 1));
        Plan measured = progress.recordActual(done, "G-CONNECT", "GM-01", new Actual(LocalDate.of(2027, 7, 12), 7.5, 3900, "survey", "Ana")).plan();
        Progress.Rollup rollup = progress.rollup("ca", List.of(measured, inState(riverbend, "CA", "0600002"), inState(riverbend, "OR", "4100001")),
                LocalDate.of(2027, 8, 1));

        assertThat(rollup.state()).isEqualTo("CA");
        assertThat(rollup.plans()).isEqualTo(2);
        assertThat(rollup.otherPlans()).isEqualTo(1);
        Progress.FieldRow broadband = rollup.fields().stream().filter(f -> f.id().equals("OBJ-BROADBAND")).findFirst().orElseThrow();
        // In each plan G-CONNECT serves broadband by its id, G-ADOPT (GM-04c) and G-LEADERSHIP (GM-01, GM-08) by their outcomes' metrics.
        assertThat(broadband.districts()).isEqualTo(2);
        assertThat(broadband.goals()).isEqualTo(6);
        assertThat(broadband.stepsDone()).isEqualTo(1);
        assertThat(broadband.status().get(ProgressStatus.ON_TRACK)).isEqualTo(1);
        assertThat(broadband.sources()).anySatisfy(s -> assertThat(s).contains("Digital Equity Act"));
        Progress.FieldRow rural = rollup.fields().stream().filter(f -> f.id().equals("POP-RURAL")).findFirst().orElseThrow();
        assertThat(rural.districts()).isEqualTo(2);
        Progress.FieldRow disability = rollup.fields().stream().filter(f -> f.id().equals("POP-DISABILITY")).findFirst().orElseThrow();
        assertThat(disability.districts()).isZero();
    }

    @Test
    void theCsvHasOneRowAFieldAndTheJsonTheObjectivesPopulationsAndDistricts() throws Exception {
        Progress.Rollup rollup = progress.rollup("CA", List.of(riverbend), LocalDate.of(2027, 8, 1));

        String[] lines = rollup.csv().split("\r\n");
        assertThat(lines[0]).startsWith("state,as_of,field,kind,title,districts,goals,outcomes,on_track,behind,achieved,no_data");
        assertThat(lines).hasSize(1 + Fixtures.bundled().ntia().size());
        assertThat(lines[1]).startsWith("CA,2027-08-01,OBJ-ACCESSIBILITY,objective,");
        JsonNode json = new ObjectMapper().readTree(rollup.json());
        assertThat(json.get("measurableObjectives")).hasSize(5);
        assertThat(json.get("coveredPopulations").findValuesAsText("id")).contains("POP-LOW-INCOME", "POP-RURAL");
        assertThat(json.get("districts").get(0).get("id").asText()).isEqualTo("0612345");
        assertThat(rollup.json()).isEqualTo(progress.rollup("CA", List.of(riverbend), LocalDate.of(2027, 8, 1)).json());
    }
}
