package org.equityadvisor.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.StepStatus;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The due dates as iCalendar, read back by ical4j: what a calendar application subscribing to the feed sees. */
class ICalendarTest {

    private final Progress progress = new Progress(Fixtures.bundled());
    private final Plan plan = ProgressTest.roundOne();
    private final LocalDate day = LocalDate.of(2027, 3, 1);

    private static String uid(VEvent e) {
        return e.getRequiredProperty("UID").getValue();
    }

    @Test
    void everyOpenStepAndReportingDateIsAnAllDayEventACalendarReads() throws Exception {
        String ics = progress.calendar("Riverbend", Map.of("plan-1", plan), day);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");

        long steps = plan.goals().stream().mapToLong(g -> g.steps().size()).sum();
        assertThat(events.stream().filter(e -> e.getSummary().getValue().startsWith("Step due: "))).hasSize((int) steps);
        VEvent map = events.stream().filter(e -> uid(e).equals("plan-1-g-connect-step-as-09@equity-advisor")).findFirst().orElseThrow();
        assertThat(map.<LocalDate>getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2027, 4, 10));
        assertThat(map.getDescription().getValue()).contains("Owner: Family engagement lead").contains("\n");
        assertThat(events.stream().map(e -> uid(e)).distinct()).hasSize(events.size());
    }

    @Test
    void longLinesAreFoldedAtSeventyFiveOctetsAndCommasAndSemicolonsSurviveTheRoundTrip() throws Exception {
        String description = "Ask the library, the city; and the providers, \u00e9l\u00e8ves \u2014 " + "a long step description ".repeat(6).strip();
        Plan edited = plan.withGoals(plan.goals().stream().map(g -> g.withSteps(g.steps().stream()
                .map(s -> s.id().equals("AS-09") ? new ActionStep(s.id(), description, s.owner(), s.team(), s.start(), s.due(), s.status()) : s).toList())).toList());
        String ics = progress.calendar("Riverbend", Map.of("plan-1", edited), day);

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics).doesNotContain("\n\n").contains("\\;").contains("\\,");
        VEvent map = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").stream()
                .filter(e -> uid(e).contains("as-09")).findFirst().orElseThrow();
        assertThat(map.getSummary().getValue()).isEqualTo("Step due: " + description);
    }

    @Test
    void theSamePlanGivesTheSameTextAndADoneStepLeavesTheFeed() {
        assertThat(progress.calendar("Riverbend", Map.of("plan-1", plan), day)).isEqualTo(progress.calendar("Riverbend", Map.of("plan-1", plan), day));
        Plan done = progress.setStatus(plan, "G-CONNECT", "AS-09", StepStatus.DONE, null, "Ana", day);
        assertThat(progress.calendar("Riverbend", Map.of("plan-1", done), day)).doesNotContain("step-as-09@");
    }
}
