package org.equityadvisor.plan;

import java.util.ArrayList;
import java.util.List;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.PlanOutcome;

/**
 * The rubric of the CoSN micro-credential "Creating a District Plan for Digital Equity": three or more goals,
 * each with dated action steps, team members, partners and measurable outcomes, and an overview and a
 * reflection of at most 200 words each. Each criterion is reported met or not, with the reason; warnings
 * point at what a reviewer would question though the rubric does not ask for it.
 */
public record PlanCheck(List<Criterion> criteria, List<String> warnings) {

    public static final int MIN_GOALS = 3;
    public static final int MAX_WORDS = 200;

    public PlanCheck {
        criteria = List.copyOf(criteria);
        warnings = List.copyOf(warnings);
    }

    /** One rubric criterion: what it asks, whether the plan meets it, and why. */
    public record Criterion(String name, boolean met, String reason) {
    }

    public boolean passed() {
        return criteria.stream().allMatch(Criterion::met);
    }

    public static PlanCheck of(Plan plan) {
        List<Criterion> criteria = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int goals = plan.goals().size();
        criteria.add(new Criterion("At least " + MIN_GOALS + " goals", goals >= MIN_GOALS,
                goals >= MIN_GOALS ? goals + " goals" : "only " + goals + (goals == 1 ? " goal" : " goals") + "; the CoSN plan asks for three or more"));
        for (PlanGoal goal : plan.goals()) {
            criteria.addAll(goal(plan, goal));
            warnings.addAll(warnings(plan, goal));
        }
        criteria.add(words("Overview (Part 1)", plan.overview(), true));
        criteria.add(words("Reflection (Part 3)", plan.reflection(), false));
        if (plan.reflection().isBlank()) {
            warnings.add("Reflection (Part 3) is not written yet: the CoSN plan asks what you learned and what you would do differently.");
        }
        return new PlanCheck(criteria, warnings);
    }

    private static List<Criterion> goal(Plan plan, PlanGoal goal) {
        String name = "Goal " + goal.id();
        List<Criterion> out = new ArrayList<>();
        long dated = goal.steps().stream().filter(s -> s.start() != null && s.due() != null).count();
        out.add(new Criterion(name + ": an action step with dates", dated > 0,
                dated > 0 ? dated + " of " + goal.steps().size() + " steps have start and due dates"
                        : goal.steps().isEmpty() ? "no action steps" : "no step has both a start and a due date"));
        List<String> members = goal.members();
        out.add(new Criterion(name + ": a team member", !members.isEmpty(),
                members.isEmpty() ? "no step names an owner or a team member" : String.join(", ", members)));
        out.add(new Criterion(name + ": a partner", !goal.partners().isEmpty(),
                goal.partners().isEmpty() ? "no partner" : goal.partners().size() + (goal.partners().size() == 1 ? " partner" : " partners")));
        List<String> measurable = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (PlanOutcome o : goal.outcomes()) {
            String label = o.metric() + ("all".equals(o.group()) ? "" : " (" + o.group() + ")");
            java.time.LocalDate baselineDue = o.baseline() == null ? baselineDue(goal, o) : null;
            if (o.target() == null || o.targetDate() == null) {
                why.add(label + " has no " + (o.target() == null ? "target" : "target date"));
            } else if (o.baseline() == null && baselineDue == null) {
                why.add(label + " has no baseline and no dated step to collect one");
            } else {
                measurable.add(o.baseline() == null ? label + " (baseline to be collected by " + baselineDue + ")" : label);
            }
        }
        out.add(new Criterion(name + ": a measurable outcome with baseline, target and date", !measurable.isEmpty(),
                !measurable.isEmpty() ? String.join(", ", measurable) : goal.outcomes().isEmpty() ? "no outcomes" : String.join("; ", why)));
        return out;
    }

    private static List<String> warnings(Plan plan, PlanGoal goal) {
        List<String> out = new ArrayList<>();
        for (ActionStep step : goal.steps()) {
            String name = "Goal " + goal.id() + ", step " + (step.id() == null ? "\u201c" + step.description() + "\u201d" : step.id());
            if (step.owner() == null || step.owner().isBlank()) {
                out.add(name + " has no owner.");
            }
            if (step.start() != null && step.due() != null && step.due().isBefore(step.start())) {
                out.add(name + " is due (" + step.due() + ") before it starts (" + step.start() + ").");
            }
            if (step.due() != null && plan.start() != null && step.due().isBefore(plan.start())) {
                out.add(name + " is due (" + step.due() + ") before the plan starts (" + plan.start() + ").");
            }
        }
        for (PlanOutcome o : goal.outcomes()) {
            if (o.baseline() != null && o.target() != null && o.baseline().equals(o.target())) {
                out.add("Goal " + goal.id() + ", outcome " + o.metric() + ": the target (" + number(o.target()) + ") is no better than the baseline ("
                        + number(o.baseline()) + ").");
            }
        }
        return out;
    }

    /** When the dated step that collects the outcome's missing baseline is due; null when there is none. */
    private static java.time.LocalDate baselineDue(PlanGoal goal, PlanOutcome o) {
        String id = DraftPlan.baselineStepId(o.metric(), o.group());
        return goal.steps().stream().filter(s -> id.equals(s.id()) && s.due() != null).map(ActionStep::due).findFirst().orElse(null);
    }

    private static Criterion words(String name, String text, boolean required) {
        int words = words(text);
        boolean met = words <= MAX_WORDS && (!required || words > 0);
        String reason = words == 0 ? (required ? "not written" : "not written yet") : words + " words" + (words > MAX_WORDS ? ", over the " + MAX_WORDS + "-word limit" : "");
        return new Criterion(name + (required ? ": written, " : ": ") + "at most " + MAX_WORDS + " words", met, reason);
    }

    static int words(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
