package org.equityadvisor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.Divide;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.PlanOutcome;
import org.equityadvisor.model.PlanPartner;
import org.junit.jupiter.api.Test;

class PlanCheckTest {

    private static final LocalDate START = LocalDate.of(2027, 1, 11);

    private static PlanGoal goal(String id) {
        return new PlanGoal(id, "Goal " + id, Divide.ACCESS, "all students",
                List.of(new ActionStep("AS-09", "Publish a hotspot map", "Family engagement lead", List.of("Librarian"), START, START.plusMonths(3), "planned")),
                List.of(new PlanPartner("PT-01", "Public library", "hosts Wi-Fi")),
                List.of(new PlanOutcome("GM-01", "all", 12.0, 3.0, START.plusMonths(12), "2026 survey", "Target")));
    }

    private static Plan plan(List<PlanGoal> goals, String overview, String reflection) {
        return new Plan("Plan", "Riverbend", START, overview, reflection, goals, "sha256:x", null, null);
    }

    @Test
    void aCompletePlanMeetsEveryCriterion() {
        PlanCheck check = PlanCheck.of(plan(List.of(goal("G-A"), goal("G-B"), goal("G-C")), "We will connect every student.", "We learned a lot."));

        assertThat(check.passed()).isTrue();
        assertThat(check.criteria()).hasSize(1 + 3 * 4 + 2).allMatch(PlanCheck.Criterion::met);
        assertThat(check.warnings()).isEmpty();
    }

    @Test
    void twoGoalsAreNotEnoughAndTheReasonSaysSo() {
        PlanCheck check = PlanCheck.of(plan(List.of(goal("G-A"), goal("G-B")), "Overview.", "Reflection."));

        assertThat(check.passed()).isFalse();
        assertThat(check.criteria().get(0)).satisfies(c -> {
            assertThat(c.met()).isFalse();
            assertThat(c.reason()).isEqualTo("only 2 goals; the CoSN plan asks for three or more");
        });
    }

    @Test
    void aGoalWithoutPartnersTeamOrMeasurableOutcomeFailsEachCriterionByName() {
        PlanGoal bare = new PlanGoal("G-BARE", "Bare", Divide.USE, "", List.of(new ActionStep("S", "Do it", null, List.of(), null, null, "planned")),
                List.of(), List.of(new PlanOutcome("GM-19", "all", null, 60.0, START.plusMonths(12), null, null)));

        PlanCheck check = PlanCheck.of(plan(List.of(goal("G-A"), goal("G-B"), bare), "Overview.", ""));

        assertThat(check.criteria()).filteredOn(c -> c.name().startsWith("Goal G-BARE") && !c.met()).extracting(PlanCheck.Criterion::reason)
                .containsExactly("no step has both a start and a due date", "no step names an owner or a team member", "no partner",
                        "GM-19 has no baseline and no dated step to collect one");
        assertThat(check.warnings()).contains("Goal G-BARE, step S has no owner.")
                .anyMatch(w -> w.startsWith("Reflection (Part 3) is not written yet"));
    }

    @Test
    void anOverviewOverTwoHundredWordsIsNotMet() {
        String long201 = "word ".repeat(201);

        PlanCheck check = PlanCheck.of(plan(List.of(goal("G-A"), goal("G-B"), goal("G-C")), long201, ""));

        assertThat(check.criteria()).filteredOn(c -> c.name().startsWith("Overview")).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("201 words, over the 200-word limit"));
    }

    @Test
    void warnsOfDueDatesBeforeTheStartAndTargetsNoBetterThanTheBaseline() {
        PlanGoal odd = new PlanGoal("G-ODD", "Odd", Divide.ACCESS, "",
                List.of(new ActionStep("AS-1", "Backwards", "CTO", List.of(), START.plusMonths(2), START.plusMonths(1), "planned"),
                        new ActionStep("AS-2", "Too early", "CTO", List.of(), START.minusMonths(3), START.minusMonths(2), "done")),
                List.of(new PlanPartner("PT-01", "Library", "")),
                List.of(new PlanOutcome("GM-01", "all", 3.0, 3.0, START.plusMonths(12), "survey", null)));

        PlanCheck check = PlanCheck.of(plan(List.of(goal("G-A"), goal("G-B"), odd), "Overview.", "Reflection."));

        assertThat(check.passed()).isTrue();
        assertThat(check.warnings()).containsExactly(
                "Goal G-ODD, step AS-1 is due (2027-02-11) before it starts (2027-03-11).",
                "Goal G-ODD, step AS-2 is due (2026-11-11) before the plan starts (2027-01-11).",
                "Goal G-ODD, outcome GM-01: the target (3) is no better than the baseline (3).");
    }
}
