package org.equityadvisor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Divide;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.PlanOutcome;
import org.equityadvisor.model.PlanPartner;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

class DraftPlanTest {

    private final KnowledgeBase kb = Fixtures.bundled();
    private final DraftPlan drafts = new DraftPlan(kb);
    private final Assessment riverbend = Fixtures.scenario("riverbend-rural-high-poverty.yaml");
    private final Advice advice = new Advisor(kb).advise(riverbend);

    @Test
    void acceptingAGoalBringsItsStepsTeamPartnersAndOutcomesWithDatesFromThePlanStart() {
        Plan plan = drafts.draft(riverbend, advice, List.of("G-CONNECT"), null);

        assertThat(plan.start()).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(plan.ruleSet()).isEqualTo(advice.ruleSet());
        PlanGoal connect = DraftPlan.goal(plan, "G-CONNECT").orElseThrow();
        assertThat(connect.statement()).isEqualTo(kb.goals().get("G-CONNECT").title());
        assertThat(connect.divide()).isEqualTo(Divide.ACCESS);
        assertThat(connect.who()).isEqualTo("all students, especially low-income students");
        ActionStep map = connect.steps().stream().filter(s -> s.id().equals("AS-09")).findFirst().orElseThrow();
        // AS-09 starts at once and takes 3 months.
        assertThat(map.start()).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(map.due()).isEqualTo(LocalDate.of(2027, 4, 10));
        assertThat(map.owner()).isEqualTo(kb.actions().get("AS-09").team().get(0));
        assertThat(map.status()).isEqualTo(ActionStep.PLANNED);
        assertThat(connect.partners()).extracting(PlanPartner::id).contains("PT-01");
        PlanOutcome internet = connect.outcomes().stream().filter(o -> o.metric().equals("GM-01")).findFirst().orElseThrow();
        assertThat(internet.baseline()).isEqualTo(12.0);
        assertThat(internet.targetDate()).isEqualTo(LocalDate.of(2028, 1, 11));
        assertThat(internet.dataSource()).contains("2026 registration survey");
    }

    @Test
    void anOutcomeWithoutABaselineSaysSoAndGetsADataCollectionStep() {
        Plan plan = drafts.draft(riverbend, advice, List.of("G-LEADERSHIP"), null);

        PlanGoal leadership = DraftPlan.goal(plan, "G-LEADERSHIP").orElseThrow();
        PlanOutcome awareness = leadership.outcomes().stream().filter(o -> o.baseline() == null).findFirst().orElseThrow();
        assertThat(awareness.text()).contains("baseline to be collected");
        assertThat(leadership.steps()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo("DATA-" + awareness.metric());
            assertThat(s.description()).startsWith("Collect a baseline for");
            assertThat(s.due()).isBefore(awareness.targetDate());
        });
    }

    @Test
    void everyPlanEndsWithTheYearlyReview() {
        Plan plan = drafts.draft(riverbend, advice, List.of("G-CONNECT"), null);

        assertThat(plan.goals()).extracting(PlanGoal::id).containsExactly("G-CONNECT", "G-LEADERSHIP");
        ActionStep review = DraftPlan.goal(plan, "G-LEADERSHIP").orElseThrow().steps().get(0);
        assertThat(review.id()).isEqualTo("AS-44");
        assertThat(review.start()).isEqualTo(LocalDate.of(2028, 1, 11));
    }

    @Test
    void aGoalTheAdviceDidNotSuggestIsRefusedWithTheOnesItDid() {
        assertThatThrownBy(() -> drafts.draft(riverbend, advice, List.of("G-CONNECT", "G-PEOPLE"), null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("--accept[1]").hasMessageContaining("G-PEOPLE was not suggested").hasMessageContaining("G-CONNECT");
    }

    @Test
    void topTakesTheMostPressingGoalsInRankOrder() {
        Plan plan = drafts.draftTop(riverbend, advice, 2, LocalDate.of(2027, 8, 1));

        assertThat(plan.goals().subList(0, 2)).extracting(PlanGoal::id)
                .containsExactly(advice.goals().get(0).id(), advice.goals().get(1).id());
        assertThat(plan.start()).isEqualTo(LocalDate.of(2027, 8, 1));
        assertThat(PlanCheck.words(plan.overview())).isBetween(1, PlanCheck.MAX_WORDS);
        assertThat(plan.overview()).startsWith("Riverbend Unified (a rural district, 4,200 students");
    }

    @Test
    void stepsAndPartnersCanBeRemovedAndAddedAndOutcomesFollowTheirSteps() {
        Plan plan = drafts.draft(riverbend, advice, List.of("G-CONNECT"), null);
        PlanGoal before = DraftPlan.goal(plan, "G-CONNECT").orElseThrow();
        String removed = before.steps().get(0).id();

        Plan edited = drafts.removeAction(plan, "G-CONNECT", removed);
        edited = drafts.acceptPartner(edited, "G-CONNECT", "PT-04");
        edited = drafts.removePartner(edited, "G-CONNECT", "PT-01");
        edited = drafts.acceptAction(edited, "G-CONNECT", "AS-10");
        edited = drafts.addStep(edited, "G-CONNECT", new ActionStep("OWN-1", "Ask the county for fibre maps", "Superintendent", List.of(),
                LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 1), ActionStep.PLANNED));

        PlanGoal after = DraftPlan.goal(edited, "G-CONNECT").orElseThrow();
        assertThat(after.steps()).extracting(ActionStep::id).doesNotContain(removed).contains("AS-10", "OWN-1");
        assertThat(after.partners()).extracting(PlanPartner::id).contains("PT-04").doesNotContain("PT-01");
        assertThat(plan).isNotEqualTo(edited);
        assertThatThrownBy(() -> drafts.removeAction(plan, "G-CONNECT", "AS-99")).hasMessageContaining("AS-99 is not a step of G-CONNECT");
        assertThatThrownBy(() -> drafts.acceptPartner(plan, "G-NOPE", "PT-04")).hasMessageContaining("the plan has no goal G-NOPE");
        assertThatThrownBy(() -> drafts.acceptPartner(plan, "G-CONNECT", "PT-99")).hasMessageContaining("no partner PT-99");
    }

    @Test
    void aPartnerOfTheDistrictsOwnIsAddedByNameAndRemovedByItsId() {
        Plan plan = drafts.draft(riverbend, advice, List.of("G-CONNECT"), null);

        Plan edited = drafts.addPartner(plan, "G-CONNECT", "  Riverbend Públic Library ", "Lends hotspots and stays open till 8 pm");

        PlanPartner own = DraftPlan.goal(edited, "G-CONNECT").orElseThrow().partners().stream().filter(p -> p.id().startsWith("OWN-")).findFirst().orElseThrow();
        assertThat(own).isEqualTo(new PlanPartner("OWN-RIVERBEND-PUBLIC-LIBRARY", "Riverbend Públic Library", "Lends hotspots and stays open till 8 pm"));
        assertThatThrownBy(() -> drafts.addPartner(edited, "G-CONNECT", "riverbend públic library", null))
                .hasMessageContaining("name: riverbend públic library is already a partner of G-CONNECT");
        assertThatThrownBy(() -> drafts.addPartner(plan, "G-CONNECT", " ", null)).hasMessageContaining("name: is required");
        assertThat(DraftPlan.goal(drafts.removePartner(edited, "G-CONNECT", own.id()), "G-CONNECT").orElseThrow().partners()).doesNotContain(own);
    }

    @Test
    void aGoalOfTheLeadersOwnCanBeAdded() {
        Plan plan = drafts.draft(riverbend, advice, List.of("G-CONNECT"), null);
        PlanGoal own = new PlanGoal("OWN-READING", "Every family can read the district's digital notices", Divide.ACCESS, "families",
                List.of(), List.of(), List.of());

        Plan edited = drafts.addGoal(plan, own);

        assertThat(edited.goals()).extracting(PlanGoal::id).endsWith("OWN-READING");
        assertThatThrownBy(() -> drafts.addGoal(edited, own)).hasMessageContaining("OWN-READING is already in the plan");
    }

    @Test
    void aDistrictThatAlreadyRunsMuchGetsItsRunningWorkAsGoalsInProgress() {
        Assessment ridge = Fixtures.scenario("ridge-already-runs-programmes.yaml");
        Advice ridgeAdvice = new Advisor(kb).advise(ridge);

        Plan plan = drafts.draftTop(ridge, ridgeAdvice, 3, null);

        assertThat(ridgeAdvice.goals()).hasSizeLessThan(3);
        assertThat(plan.goals()).hasSize(3);
        assertThat(plan.goals().stream().flatMap(g -> g.steps().stream()).filter(s -> s.status().equals(ActionStep.IN_PROGRESS)))
                .isNotEmpty().allSatisfy(s -> {
                    assertThat(ridge.district().inPlace()).contains(s.id());
                    assertThat(s.description()).startsWith("Continue (already running): ");
                    assertThat(s.start()).isEqualTo(plan.start());
                });
        assertThat(PlanCheck.of(plan).passed()).isTrue();
    }

    @Test
    void aPlanNeverStoresTheFigureOfAGroupSmallerThanTen() {
        List<org.equityadvisor.model.Measure> measures = new java.util.ArrayList<>(riverbend.measures());
        measures.add(new org.equityadvisor.model.Measure("GM-01", "migrant", 50.0, 7, null, 2026, "2026 registration survey"));
        Assessment withSmallGroup = new Assessment(riverbend.district(), riverbend.answers(), measures, riverbend.thresholds());

        Plan plan = drafts.draftTop(withSmallGroup, new Advisor(kb).advise(withSmallGroup), 3, null);

        assertThat(plan.assessment().measures()).noneMatch(m -> m.group().equals("migrant"));
        assertThat(PlanFile.write(plan)).contains("is withheld: it counts 7 students");
    }

    @Test
    void refusesAStartOutsidePlausibleYearsNamingWhereItCameFrom() {
        assertThatThrownBy(() -> drafts.draftTop(riverbend, advice, 3, LocalDate.MAX)).isInstanceOf(InputException.class)
                .hasMessageContaining("start: +999999999-12-31 is after 2090-12-31; use a date from 1990-01-01 to 2090-12-31");
        org.equityadvisor.model.District d = riverbend.district();
        Assessment farOff = new Assessment(new org.equityadvisor.model.District(d.name(), d.id(), d.state(), d.locale(), d.enrollment(), d.schools(),
                d.lowIncomePct(), LocalDate.of(1900, 1, 1), d.inPlace()), riverbend.answers(), riverbend.measures(), riverbend.thresholds());
        assertThatThrownBy(() -> drafts.draft(farOff, advice, List.of("G-CONNECT"), null)).isInstanceOf(InputException.class)
                .hasMessageContaining("district.planStart: 1900-01-01 is before 1990-01-01");
    }

    @Test
    void theLastPlanStartStillGivesAPlanThatReadsBack() {
        Plan plan = drafts.draftTop(riverbend, advice, 3, LocalDate.of(2090, 12, 31));

        assertThat(PlanFile.read("late.json", PlanFile.write(plan))).isEqualTo(plan);
    }

    @Test
    void anEditNamingNoGoalOrAnOverlongIdIsRefusedNotCrashed() {
        Plan plan = drafts.draft(riverbend, advice, List.of("G-CONNECT"), null);

        assertThatThrownBy(() -> drafts.removeAction(plan, "G-CONNECT", null)).isInstanceOf(InputException.class).hasMessageContaining("actionId: is required");
        assertThatThrownBy(() -> drafts.acceptGoal(plan, "G".repeat(5_000))).isInstanceOf(InputException.class)
                .hasMessageContaining("goalId: is 5,000 characters long; an id has at most 100");
    }
}
