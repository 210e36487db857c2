package org.equityadvisor.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.equityadvisor.model.Actual;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.Cadence;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.OutcomeProgress;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.ProgressStatus;
import org.equityadvisor.model.StepStatus;
import org.equityadvisor.plan.PlanFile;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Step statuses, outcome figures and where they stand, what is due: on Riverbend's plan as round 1 wrote it. */
class ProgressTest {

    static final Path ROUND_ONE = Path.of("src/test/resources/progress/round1-plan.json");
    private final Progress progress = new Progress(Fixtures.bundled());
    private final Plan plan = roundOne();

    /** Riverbend's plan (top 3 goals, starting 11 Jan 2027) as round 1 wrote it: no statuses beyond planned, no figures, no cadence. */
    static Plan roundOne() {
        try {
            return PlanFile.read(ROUND_ONE.toString(), Files.readString(ROUND_ONE));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPlanOfRoundOneReadsAndReportsQuarterlyWithEveryStepNotStarted() throws IOException {
        assertThat(plan.cadence()).isNull();
        assertThat(plan.reporting()).isEqualTo(Cadence.QUARTERLY);
        assertThat(plan.goals().stream().flatMap(g -> g.steps().stream()).map(ActionStep::stepStatus)).containsOnly(StepStatus.NOT_STARTED);
        assertThat(plan.goals().stream().flatMap(g -> g.outcomes().stream()).flatMap(o -> o.actuals().stream())).isEmpty();
    }

    @Test
    void settingAStatusKeepsWhoAndWhenOnTheStepAndReadsBackFromTheFile() {
        Plan done = progress.setStatus(plan, "G-CONNECT", "AS-09", StepStatus.DONE, null, "Ana Ruiz", LocalDate.of(2027, 3, 1));

        ActionStep step = done.goals().get(0).steps().get(0);
        assertThat(step.stepStatus()).isEqualTo(StepStatus.DONE);
        assertThat(step.updatedBy()).isEqualTo("Ana Ruiz");
        assertThat(step.updated()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(PlanFile.read("plan", PlanFile.write(done))).isEqualTo(done);
        assertThat(PlanFile.write(done)).contains("\"status\" : \"done\"");
    }

    @Test
    void aBlockedStepNeedsANoteSayingWhatBlocksIt() {
        assertThatThrownBy(() -> progress.setStatus(plan, "G-CONNECT", "AS-13", StepStatus.BLOCKED, " ", "Ana", LocalDate.of(2027, 3, 1)))
                .isInstanceOf(InputException.class).hasMessageContaining("note").hasMessageContaining("blocked");
        Plan blocked = progress.setStatus(plan, "G-CONNECT", "AS-13", StepStatus.BLOCKED, "bus contract renegotiation", "Ana", LocalDate.of(2027, 3, 1));
        assertThat(blocked.goals().get(0).steps().get(1).note()).isEqualTo("bus contract renegotiation");
    }

    @Test
    void anUnknownStepIsRefusedWithTheStepsTheGoalHas() {
        assertThatThrownBy(() -> progress.setStatus(plan, "G-CONNECT", "AS-99", StepStatus.DONE, null, "Ana", LocalDate.of(2027, 3, 1)))
                .hasMessageContaining("AS-99").hasMessageContaining("AS-09");
    }

    @Test
    void aFigureOnOrBelowTheStraightLineIsOnTrackAndOneAboveItIsBehind() {
        // GM-01 of G-CONNECT: 12 on 11 Jan 2027 to 3 by 11 Jan 2028; on 12 Jul 2027 (182 of 365 days) the line expects 7.51.
        LocalDate july = LocalDate.of(2027, 7, 12);
        OutcomeProgress onTrack = connect(record(plan, "G-CONNECT", "GM-01", july, 7.5), july);
        assertThat(onTrack.status()).isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(onTrack.expected()).isCloseTo(12 - 9 * 182 / 365.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(onTrack.sentence()).contains("7.5 on 2027-07-12").contains("baseline 12").contains("target 3 by 2028-01-11").contains("expected 7.5");
        assertThat(connect(record(plan, "G-CONNECT", "GM-01", july, 8), july).status()).isEqualTo(ProgressStatus.BEHIND);
        assertThat(connect(record(plan, "G-CONNECT", "GM-01", july, 3), july).status()).isEqualTo(ProgressStatus.ACHIEVED);
    }

    @Test
    void anOutcomeWithoutAFigureOrABaselineHasNoData() {
        List<OutcomeProgress> all = progress.outcomes(plan, LocalDate.of(2027, 7, 1));
        assertThat(all).extracting(OutcomeProgress::status).containsOnly(ProgressStatus.NO_DATA);
        Plan measured = record(plan, "G-LEADERSHIP", "GM-22", LocalDate.of(2027, 2, 1), 40);
        OutcomeProgress families = progress.outcomes(measured, LocalDate.of(2027, 7, 1)).stream().filter(o -> o.id().equals("GM-22")).findFirst().orElseThrow();
        assertThat(families.status()).isEqualTo(ProgressStatus.NO_DATA);
        assertThat(families.sentence()).contains("no baseline yet").contains("40");
    }

    @Test
    void aTargetTheBaselineAlreadyMeetsIsAchievedWhileItHoldsAndBehindWhenItSlips() {
        // GM-08 (data coverage, lower is worse): baseline 94, target 90.
        LocalDate day = LocalDate.of(2027, 6, 1);
        assertThat(status(record(plan, "G-LEADERSHIP", "GM-08", day, 95), "GM-08", day)).isEqualTo(ProgressStatus.ACHIEVED);
        assertThat(status(record(plan, "G-LEADERSHIP", "GM-08", day, 85), "GM-08", day)).isEqualTo(ProgressStatus.BEHIND);
    }

    @Test
    void aFigureAfterTheDayAskedAboutDoesNotCount() {
        Plan measured = record(plan, "G-CONNECT", "GM-01", LocalDate.of(2027, 9, 1), 3);
        assertThat(status(measured, "GM-01", LocalDate.of(2027, 8, 1))).isEqualTo(ProgressStatus.NO_DATA);
    }

    @Test
    void oneMeasurementOfAnOutcomeTwoGoalsShareIsRecordedForBoth() {
        Progress.Recorded r = progress.recordActual(plan, null, "GM-01", new Actual(LocalDate.of(2027, 4, 1), 10, 3900, "spring survey", "Ana"));
        assertThat(r.goals()).containsExactly("G-CONNECT", "G-LEADERSHIP");
        assertThat(r.plan().goals().stream().flatMap(g -> g.outcomes().stream()).filter(o -> o.key().equals("GM-01")).map(o -> o.actuals().size()))
                .containsExactly(1, 1);
    }

    @Test
    void aFigureAboutFewerThanTenStudentsOrAPercentageAboveAHundredIsRefused() {
        assertThatThrownBy(() -> progress.recordActual(plan, "G-CONNECT", "GM-01", new Actual(LocalDate.of(2027, 4, 1), 10, 7, null, "Ana")))
                .hasMessageContaining("n:").hasMessageContaining("fewer than 10");
        assertThatThrownBy(() -> progress.recordActual(plan, "G-CONNECT", "GM-01", new Actual(LocalDate.of(2027, 4, 1), 140, null, null, "Ana")))
                .hasMessageContaining("value").hasMessageContaining("outside 0..100");
        assertThatThrownBy(() -> progress.recordActual(plan, null, "GM-99", new Actual(LocalDate.of(2027, 4, 1), 1, null, null, "Ana")))
                .hasMessageContaining("no outcome GM-99").hasMessageContaining("G-CONNECT: GM-01");
    }

    @Test
    void aJumpFromTheFigureBeforeIsRecordedWithAWarning() {
        Plan first = record(plan, "G-CONNECT", "GM-01", LocalDate.of(2027, 4, 1), 10);
        Progress.Recorded r = progress.recordActual(first, "G-CONNECT", "GM-01", new Actual(LocalDate.of(2027, 7, 1), 55, null, null, "Ana"));
        assertThat(r.warnings()).singleElement().asString().contains("moved from 10").contains("55");
        assertThat(progress.recordActual(first, "G-CONNECT", "GM-01", new Actual(LocalDate.of(2027, 7, 1), 9, null, null, "Ana")).warnings()).isEmpty();
    }

    @Test
    void aSecondFigureForTheSameDayCorrectsTheFirst() {
        Plan twice = record(record(plan, "G-CONNECT", "GM-01", LocalDate.of(2027, 4, 1), 10), "G-CONNECT", "GM-01", LocalDate.of(2027, 4, 1), 9);
        assertThat(twice.goals().get(0).outcomes().get(0).actuals()).extracting(Actual::value).containsExactly(9.0);
    }

    @Test
    void anOwnerSeesTheirOverdueStepsAndMissedFiguresAndWhatFallsDueNext() {
        Plan started = progress.setStatus(plan, "G-CONNECT", "AS-09", StepStatus.DONE, null, "Ana", LocalDate.of(2027, 4, 1));
        List<Progress.Due> due = progress.due(started, LocalDate.of(2027, 8, 1), "family engagement lead");

        assertThat(due).extracting(d -> d.ref() + (d.overdue() ? " overdue " : " due ") + d.date()).containsExactly(
                "AS-17 overdue 2027-07-10", "GM-01 overdue 2027-07-11", "GM-04a overdue 2027-07-11",
                "AS-18 due 2027-10-10", "GM-01 due 2027-10-11", "GM-04a due 2027-10-11");
        assertThat(due).allMatch(d -> d.owner().equals("Family engagement lead"));
        // A figure recorded after the last reporting date meets it.
        Plan reported = record(started, "G-CONNECT", "GM-01", LocalDate.of(2027, 7, 20), 8);
        assertThat(progress.due(reported, LocalDate.of(2027, 8, 1), "Family engagement lead")).extracting(Progress.Due::ref)
                .containsExactly("AS-17", "GM-04a", "AS-18", "GM-01", "GM-04a");
    }

    @Test
    void aMonthlyPlanAsksForFiguresEveryMonth() {
        Plan monthly = plan.withCadence(Cadence.MONTHLY);
        assertThat(progress.due(monthly, LocalDate.of(2027, 3, 15), "Family engagement lead")).filteredOn(d -> d.ref().equals("GM-01"))
                .extracting(d -> d.date() + (d.overdue() ? " overdue" : " due")).containsExactly("2027-03-11 overdue", "2027-04-11 due");
        assertThat(PlanFile.read("plan", PlanFile.write(monthly)).reporting()).isEqualTo(Cadence.MONTHLY);
    }

    private Plan record(Plan p, String goal, String outcome, LocalDate date, double value) {
        return progress.recordActual(p, goal, outcome, new Actual(date, value, 3900, "survey", "Ana")).plan();
    }

    private OutcomeProgress connect(Plan p, LocalDate asOf) {
        return progress.outcomes(p, asOf).stream().filter(o -> o.goalId().equals("G-CONNECT") && o.id().equals("GM-01")).findFirst().orElseThrow();
    }

    private ProgressStatus status(Plan p, String id, LocalDate asOf) {
        return progress.outcomes(p, asOf).stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow().status();
    }
}
