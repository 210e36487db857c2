package org.equityadvisor.plan;

import java.util.ArrayList;
import java.util.List;
import org.equityadvisor.advise.Frames;
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

    /** The rubric in the language of the plan's advice (English for a plan drafted without advice, or in English). */
    public static PlanCheck of(Plan plan) {
        return of(plan, plan.advice() == null ? null : plan.advice().language());
    }

    /** The rubric in a language ("en", "es"; a page's); its words from plan/words*.properties. */
    public static PlanCheck of(Plan plan, String language) {
        Frames w = DraftPlan.words(language);
        List<Criterion> criteria = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int goals = plan.goals().size();
        criteria.add(new Criterion(w.get("check.goals", MIN_GOALS), goals >= MIN_GOALS,
                goals >= MIN_GOALS ? w.get("check.goals.met", goals) : w.get(goals == 1 ? "check.goals.few.one" : "check.goals.few.other", goals)));
        for (PlanGoal goal : plan.goals()) {
            criteria.addAll(goal(w, goal));
            warnings.addAll(warnings(w, plan, goal));
        }
        criteria.add(words(w, w.get("check.overview"), plan.overview(), true));
        criteria.add(words(w, w.get("check.reflection"), plan.reflection(), false));
        if (plan.reflection().isBlank()) {
            warnings.add(w.get("check.reflection.missing"));
        }
        return new PlanCheck(criteria, warnings);
    }

    private static List<Criterion> goal(Frames w, PlanGoal goal) {
        String name = w.get("check.goal", goal.id());
        List<Criterion> out = new ArrayList<>();
        long dated = goal.steps().stream().filter(s -> s.start() != null && s.due() != null).count();
        out.add(new Criterion(w.get("check.dated", name), dated > 0,
                dated > 0 ? w.get("check.dated.met", dated, goal.steps().size())
                        : goal.steps().isEmpty() ? w.get("check.dated.none") : w.get("check.dated.undated")));
        List<String> members = goal.members();
        out.add(new Criterion(w.get("check.member", name), !members.isEmpty(),
                members.isEmpty() ? w.get("check.member.none") : String.join(", ", members)));
        out.add(new Criterion(w.get("check.partner", name), !goal.partners().isEmpty(),
                goal.partners().isEmpty() ? w.get("check.partner.none")
                        : w.get(goal.partners().size() == 1 ? "check.partner.one" : "check.partner.other", goal.partners().size())));
        List<String> measurable = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (PlanOutcome o : goal.outcomes()) {
            String label = o.metric() + ("all".equals(o.group()) ? "" : " (" + o.group() + ")");
            java.time.LocalDate baselineDue = o.baseline() == null ? baselineDue(goal, o) : null;
            if (o.target() == null || o.targetDate() == null) {
                why.add(w.get(o.target() == null ? "check.outcome.noTarget" : "check.outcome.noTargetDate", label));
            } else if (o.baseline() == null && baselineDue == null) {
                why.add(w.get("check.outcome.noBaseline", label));
            } else {
                measurable.add(o.baseline() == null ? w.get("check.outcome.toCollect", label, baselineDue) : label);
            }
        }
        out.add(new Criterion(w.get("check.outcome", name), !measurable.isEmpty(),
                !measurable.isEmpty() ? String.join(", ", measurable) : goal.outcomes().isEmpty() ? w.get("check.outcome.none") : String.join("; ", why)));
        return out;
    }

    private static List<String> warnings(Frames w, Plan plan, PlanGoal goal) {
        List<String> out = new ArrayList<>();
        for (ActionStep step : goal.steps()) {
            String name = w.get("check.step", w.get("check.goal", goal.id()), step.id() == null ? "\u201c" + step.description() + "\u201d" : step.id());
            if (step.owner() == null || step.owner().isBlank()) {
                out.add(w.get("check.step.noOwner", name));
            }
            if (step.start() != null && step.due() != null && step.due().isBefore(step.start())) {
                out.add(w.get("check.step.dueBeforeStart", name, step.due(), step.start()));
            }
            if (step.due() != null && plan.start() != null && step.due().isBefore(plan.start())) {
                out.add(w.get("check.step.dueBeforePlan", name, step.due(), plan.start()));
            }
        }
        for (PlanOutcome o : goal.outcomes()) {
            if (o.baseline() != null && o.target() != null && o.baseline().equals(o.target())) {
                out.add(w.get("check.outcome.noBetter", goal.id(), o.metric(), number(o.target()), number(o.baseline())));
            }
        }
        return out;
    }

    /** When the dated step that collects the outcome's missing baseline is due; null when there is none. */
    private static java.time.LocalDate baselineDue(PlanGoal goal, PlanOutcome o) {
        String id = DraftPlan.baselineStepId(o.metric(), o.group());
        return goal.steps().stream().filter(s -> id.equals(s.id()) && s.due() != null).map(ActionStep::due).findFirst().orElse(null);
    }

    private static Criterion words(Frames w, String name, String text, boolean required) {
        int words = words(text);
        boolean met = words <= MAX_WORDS && (!required || words > 0);
        String reason = words == 0 ? w.get(required ? "check.words.notWritten" : "check.words.notYet")
                : words > MAX_WORDS ? w.get("check.words.over", words, MAX_WORDS) : w.get("check.words.count", words);
        return new Criterion(w.get(required ? "check.words.required" : "check.words", name, MAX_WORDS), met, reason);
    }

    static int words(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
