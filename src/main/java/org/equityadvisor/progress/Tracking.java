package org.equityadvisor.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Actual;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.InputLimits;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.PlanOutcome;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.StepStatus;

/** Step statuses and outcome figures written into a plan: each change returns a new plan. */
final class Tracking {

    /** A figure further than this from the one before it (in the metric's unit) is recorded with a warning. */
    static final double JUMP = 30;

    private Tracking() {
    }

    static Plan status(Plan plan, String goalId, String stepId, StepStatus status, String note, String who, LocalDate on) {
        PlanGoal goal = goal(plan, goalId);
        if (goal.steps().stream().noneMatch(s -> stepId != null && stepId.equals(s.id()))) {
            throw problem("step", "goal " + goalId + " has no step " + stepId + "; its steps are "
                    + goal.steps().stream().map(ActionStep::id).toList());
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (status == StepStatus.BLOCKED && text == null) {
            throw problem("note", "is required for a blocked step: say what blocks it, so the team can help");
        }
        checkText("note", text, InputLimits.SENTENCE);
        checkText("who", who, InputLimits.NAME);
        List<ActionStep> steps = goal.steps().stream().map(s -> stepId.equals(s.id()) ? s.withStatus(status, text, who, on) : s).toList();
        return replace(plan, goal.withSteps(steps));
    }

    static Progress.Recorded actual(KnowledgeBase kb, Plan plan, String goalId, String outcomeKey, Actual actual) {
        List<String> warnings = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (actual.date() == null) {
            problems.add(new Problem("date", "is required (YYYY-MM-DD)"));
        } else if (InputLimits.dateProblem(actual.date(), InputLimits.LAST_DATE) != null) {
            problems.add(new Problem("date", InputLimits.dateProblem(actual.date(), InputLimits.LAST_DATE)));
        }
        String wrong = InputLimits.figureProblem(actual.value());
        if (wrong != null) {
            problems.add(new Problem("value", wrong));
        }
        if (actual.n() != null && actual.n() <= 0) {
            problems.add(new Problem("n", actual.n() + " is not a count: give the number of students or answers behind the figure"));
        }
        if (actual.n() != null && actual.n() > 0 && actual.n() < 10) {
            // Student privacy: a figure about fewer than ten students could identify them.
            problems.add(new Problem("n", actual.n() + " is fewer than 10: a figure about so few students is not recorded (suppressed for privacy)"));
        }
        if (!problems.isEmpty()) {
            throw new InputException("figure", problems);
        }
        checkText("source", actual.source(), InputLimits.SENTENCE);
        checkText("who", actual.who(), InputLimits.NAME);
        List<PlanGoal> matches = plan.goals().stream().filter(g -> goalId == null || goalId.equals(g.id()))
                .filter(g -> g.outcomes().stream().anyMatch(o -> o.key().equals(outcomeKey))).toList();
        if (matches.isEmpty()) {
            List<String> keys = plan.goals().stream().flatMap(g -> g.outcomes().stream().map(o -> g.id() + ": " + o.key())).toList();
            throw problem("outcome", "the plan has no outcome " + outcomeKey + (goalId == null ? "" : " under " + goalId) + "; its outcomes are " + keys);
        }
        // The same metric and group under two goals is one measurement: the figure goes to each, unless --goal names one.
        Plan updated = plan;
        for (PlanGoal goal : matches) {
            PlanOutcome outcome = goal.outcomes().stream().filter(o -> o.key().equals(outcomeKey)).findFirst().orElseThrow();
            Metric metric = kb == null ? null : kb.metrics().get(outcome.metric());
            if (metric != null && Metric.PERCENT.equals(metric.unit()) && (actual.value() < 0 || actual.value() > 100)) {
                throw problem("value", OutcomePath.number(actual.value()) + " is outside 0..100: " + outcome.metric() + " is a percentage");
            }
            outcome.actuals().stream().filter(a -> a.date().isBefore(actual.date())).reduce((a, b) -> b).ifPresent(previous -> {
                if (Math.abs(previous.value() - actual.value()) > JUMP && warnings.isEmpty()) {
                    warnings.add(outcomeKey + " moved from " + OutcomePath.number(previous.value()) + " on " + previous.date() + " to "
                            + OutcomePath.number(actual.value()) + ": check the figure (a change of more than " + OutcomePath.number(JUMP) + " is rare)");
                }
            });
            PlanOutcome changed = withActual(outcome, actual);
            updated = replace(updated, goal.withOutcomes(goal.outcomes().stream().map(o -> o == outcome ? changed : o).toList()));
        }
        return new Progress.Recorded(updated, matches.stream().map(PlanGoal::id).toList(), warnings);
    }

    /** The figures in date order; a second figure for the same day replaces the first (a correction; the versions keep it). */
    static PlanOutcome withActual(PlanOutcome outcome, Actual actual) {
        List<Actual> actuals = new ArrayList<>(outcome.actuals().stream().filter(a -> !a.date().equals(actual.date())).toList());
        actuals.add(actual);
        actuals.sort(Comparator.comparing(Actual::date));
        return outcome.withActuals(actuals);
    }

    private static PlanGoal goal(Plan plan, String goalId) {
        return plan.goals().stream().filter(g -> g.id().equals(goalId)).findFirst()
                .orElseThrow(() -> problem("goal", "the plan has no goal " + goalId + "; its goals are " + plan.goals().stream().map(PlanGoal::id).toList()));
    }

    private static Plan replace(Plan plan, PlanGoal goal) {
        return plan.withGoals(plan.goals().stream().map(g -> g.id().equals(goal.id()) ? goal : g).toList());
    }

    private static void checkText(String field, String text, InputLimits.Text kind) {
        String wrong = text == null || text.isBlank() ? null : kind.problem(text);
        if (wrong != null) {
            throw problem(field, wrong);
        }
    }

    static InputException problem(String field, String message) {
        return new InputException("plan", new Problem(field, message));
    }
}
