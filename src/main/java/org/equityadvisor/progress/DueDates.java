package org.equityadvisor.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Actual;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.PlanOutcome;
import org.equityadvisor.model.StepStatus;

/**
 * What a plan asks of its owners and when. A step is due on its due date until it is done. Outcome figures
 * are due on the plan's reporting dates (every cadence period from its start, and on the outcome's target
 * date), reported by the goal's lead (the first owner named on its steps); a reporting date is met by any
 * figure dated after the reporting date before it.
 */
final class DueDates {

    private DueDates() {
    }

    /** Every date the plan has: open steps' due dates and each outcome's reporting dates, in date order. */
    static List<Progress.Due> all(KnowledgeBase kb, Plan plan, LocalDate asOf) {
        List<Progress.Due> out = new ArrayList<>();
        for (PlanGoal goal : plan.goals()) {
            String lead = lead(goal);
            for (ActionStep step : goal.steps()) {
                if (step.due() == null || step.stepStatus() == StepStatus.DONE) {
                    continue;
                }
                String what = step.description() + (step.stepStatus() == StepStatus.BLOCKED ? " (blocked" + (step.note() == null ? "" : ": " + step.note()) + ")" : "");
                out.add(new Progress.Due(step.due(), step.due().isBefore(asOf), owner(step, lead), goal.id(), step.id(), Progress.Due.Kind.STEP, what));
            }
            for (PlanOutcome o : goal.outcomes()) {
                // A figure meets the reporting date nearest to it (the later one on a tie): sent a little late or a little
                // early, it still answers that date, and the next date asks for one of its own.
                List<LocalDate> dates = reportingDates(plan, o);
                java.util.Set<LocalDate> met = new java.util.HashSet<>();
                for (Actual a : o.actuals()) {
                    LocalDate nearest = dates.get(0);
                    for (LocalDate d : dates) {
                        if (Math.abs(java.time.temporal.ChronoUnit.DAYS.between(a.date(), d)) <= Math.abs(java.time.temporal.ChronoUnit.DAYS.between(a.date(), nearest))) {
                            nearest = d;
                        }
                    }
                    met.add(nearest);
                }
                for (LocalDate date : dates) {
                    if (met.contains(date)) {
                        continue;
                    }
                    out.add(new Progress.Due(date, date.isBefore(asOf), lead, goal.id(), o.key(), Progress.Due.Kind.FIGURE,
                            "Report the figure for " + OutcomePath.name(kb, o)));
                }
            }
        }
        out.sort(Comparator.comparing(Progress.Due::date).thenComparing(Progress.Due::goalId).thenComparing(Progress.Due::ref));
        return out;
    }

    /**
     * What an owner sees on a day: everything overdue, and what falls due within the next reporting period;
     * for a figure only the latest missed date and the next one, not every period since the start.
     */
    static List<Progress.Due> due(KnowledgeBase kb, Plan plan, LocalDate asOf, String role) {
        LocalDate horizon = asOf.plusMonths(plan.reporting().months());
        List<Progress.Due> out = new ArrayList<>();
        for (Progress.Due d : all(kb, plan, asOf)) {
            if (role != null && !role.isBlank() && !role.strip().equalsIgnoreCase(d.owner()) || d.date().isAfter(horizon)) {
                continue;
            }
            if (d.kind() == Progress.Due.Kind.FIGURE && d.overdue() && !d.date().equals(latestReportingDate(plan, outcome(plan, d), asOf))) {
                // An earlier missed date is history (the calendar keeps it): only the latest one is still worth sending.
                continue;
            }
            out.add(d);
        }
        return out;
    }

    private static PlanOutcome outcome(Plan plan, Progress.Due d) {
        return plan.goals().stream().filter(g -> g.id().equals(d.goalId())).flatMap(g -> g.outcomes().stream()).filter(o -> o.key().equals(d.ref()))
                .findFirst().orElseThrow();
    }

    private static LocalDate latestReportingDate(Plan plan, PlanOutcome o, LocalDate asOf) {
        LocalDate latest = null;
        for (LocalDate d : reportingDates(plan, o)) {
            if (d.isBefore(asOf)) {
                latest = d;
            }
        }
        return latest;
    }

    /** The plan's reporting dates for an outcome: every cadence period from the start up to its target date, and that date. */
    static List<LocalDate> reportingDates(Plan plan, PlanOutcome o) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        LocalDate end = o.targetDate() != null ? o.targetDate() : plan.start().plusYears(1);
        int months = plan.reporting().months();
        for (int k = 1; ; k++) {
            LocalDate d = plan.start().plusMonths((long) k * months);
            if (d.isAfter(end)) {
                break;
            }
            dates.add(d);
        }
        dates.add(end);
        return List.copyOf(dates);
    }

    /** The owners of a plan, each once, as they are written (the --as choices). */
    static List<String> owners(Plan plan) {
        TreeSet<String> owners = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (PlanGoal goal : plan.goals()) {
            String lead = lead(goal);
            goal.steps().forEach(s -> owners.add(owner(s, lead)));
        }
        return List.copyOf(owners);
    }

    private static String lead(PlanGoal goal) {
        return goal.members().isEmpty() ? "unassigned" : goal.members().get(0);
    }

    private static String owner(ActionStep step, String lead) {
        return step.owner() == null || step.owner().isBlank() ? lead : step.owner();
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
