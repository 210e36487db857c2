package org.equityadvisor.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.equityadvisor.advise.Frames;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Action;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Finding;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.InputLimits;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.Outcome;
import org.equityadvisor.model.Partner;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.PlanOutcome;
import org.equityadvisor.model.PlanPartner;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.SuggestedAction;
import org.equityadvisor.model.SuggestedGoal;
import org.equityadvisor.model.SuggestedPartner;

/**
 * Turns advice into a CoSN draft plan and edits it: accept a suggested goal (with its steps, team roles,
 * partners and outcomes), accept or remove single steps and partners, add the leader's own. Relative
 * timelines become dates from the plan's start; baselines come from the district's own figures, and an
 * outcome without one says so and gets a data-collection step. Every edit returns a new plan.
 */
public final class DraftPlan {

    /** How long the data-collection step for a missing baseline takes, from the plan's start. */
    static final int BASELINE_MONTHS = 3;
    private static final String DATA_STEP = "DATA-";
    static final String YEARLY_REVIEW = "AS-44";

    private final KnowledgeBase kb;
    private final Clock clock;
    /** The plan's own words (step labels, the WHO, data sources) in the rule set view's language: a Spanish kb drafts in Spanish. */
    private final Frames words;

    public DraftPlan(KnowledgeBase kb) {
        this(kb, Clock.systemDefaultZone());
    }

    public DraftPlan(KnowledgeBase kb, Clock clock) {
        this.kb = kb;
        this.clock = clock;
        this.words = words(kb.language());
    }

    /**
     * A plan from the advice with the given suggested goals accepted, in the order given. The start is the
     * one given, else the district's {@code planStart}, else today.
     */
    public Plan draft(Assessment assessment, Advice advice, List<String> goalIds, LocalDate start) {
        return checked(withOverview(accepted(assessment, advice, goalIds, start)));
    }

    /** The accepted goals and the yearly review, before the overview is written. */
    private Plan accepted(Assessment assessment, Advice advice, List<String> goalIds, LocalDate start) {
        LocalDate from = start != null ? start : assessment.district().planStart() != null ? assessment.district().planStart() : LocalDate.now(clock);
        String late = InputLimits.dateProblem(from, InputLimits.LAST_START);
        if (late != null) {
            throw new InputException("plan start", new Problem(start != null ? "start" : "district.planStart", late));
        }
        String name = assessment.district().name();
        // The plan keeps the assessment it came from, less any group too small to report (student privacy).
        Plan plan = new Plan(words.get("title", name, from.getYear(), from.getYear() + 2), name, from, "", "",
                List.of(), advice.ruleSet(), assessment.withoutSuppressed(), advice);
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < goalIds.size(); i++) {
            String id = goalIds.get(i) == null ? "" : goalIds.get(i).strip();
            String wrong = InputLimits.ID.problem(id);
            if (id.isEmpty() || wrong != null) {
                problems.add(new Problem("--accept[" + i + "]", id.isEmpty() ? "is empty: name a suggested goal" : wrong));
            } else if (!seen.add(id)) {
                problems.add(new Problem("--accept[" + i + "]", id + " is named twice"));
            } else if (suggestedGoal(advice, id).isEmpty()) {
                problems.add(new Problem("--accept[" + i + "]", notSuggested(advice, id)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException("accepted goals", problems);
        }
        for (String id : seen) {
            plan = acceptGoal(plan, id);
        }
        return withYearlyReview(plan);
    }

    /** Part 1, written last so it names every goal the plan ended with. */
    private Plan withOverview(Plan plan) {
        return plan.withText(plan.title(), Overview.write(plan, words), plan.reflection());
    }

    /**
     * A plan with the advice's first {@code n} goals, most pressing first. When the advice suggests fewer, the
     * plan also records, as goals with steps in progress, what the district already runs ({@code inPlace}):
     * a district that does much already still has a plan of three or more goals, and none is invented.
     */
    public Plan draftTop(Assessment assessment, Advice advice, int n, LocalDate start) {
        if (n < 1) {
            throw new InputException("--top", new Problem("--top", n + " is below 1"));
        }
        Plan plan = accepted(assessment, advice, advice.goals().stream().limit(n).map(SuggestedGoal::id).toList(), start);
        Set<String> running = new LinkedHashSet<>();
        for (String actionId : assessment.district().inPlace()) {
            Action action = kb.actions().get(actionId);
            if (action == null) {
                continue;
            }
            if (goal(plan, action.goal()).isEmpty()) {
                if (plan.goals().size() >= n) {
                    continue;
                }
                org.equityadvisor.model.Goal g = kb.goals().get(action.goal());
                plan = addGoal(plan, new PlanGoal(g.id(), g.title(), g.divide(), "", List.of(), List.of(), List.of()));
                running.add(g.id());
            } else if (!running.contains(action.goal())) {
                continue;
            }
            Plan current = plan;
            plan = editGoal(plan, action.goal(), goal -> withWho(current, withAction(current, goal, catalogAction(current, actionId), true)));
        }
        return checked(withOverview(plan));
    }

    /**
     * The plan, when it keeps every limit a plan file has (PlanFile.problems): what the library drafts or
     * edits always reads back. A district far in the future, or a rule set whose timelines run past 2100,
     * gets the problem named instead.
     */
    private static Plan checked(Plan plan) {
        List<Problem> problems = PlanFile.problems(plan);
        if (!problems.isEmpty()) {
            throw new InputException("plan", problems);
        }
        return plan;
    }

    /** An id an edit names: given, and short and printable, before it is looked up or repeated in a message. */
    private static String id(String field, String value) {
        String wrong = value == null || value.isBlank() ? "is required" : InputLimits.ID.problem(value);
        if (wrong != null) {
            throw problem(field, wrong);
        }
        return value;
    }

    /**
     * Every plan ends with the yearly review that reports on its outcomes and revises it (domain.md AS-44,
     * triggered by "plan accepted"; CoSN micro-credential 5 and the TLA guide's "begin again"). It joins its
     * catalog goal, which is added for it when the plan does not have it yet.
     */
    private Plan withYearlyReview(Plan plan) {
        Action review = kb.actions().get(YEARLY_REVIEW);
        if (review == null || plan.goals().stream().anyMatch(g -> g.steps().stream().anyMatch(s -> YEARLY_REVIEW.equals(s.id())))) {
            return plan;
        }
        if (goal(plan, review.goal()).isEmpty()) {
            org.equityadvisor.model.Goal home = kb.goals().get(review.goal());
            plan = addGoal(plan, new PlanGoal(home.id(), home.title(), home.divide(), "", List.of(), List.of(), List.of()));
        }
        return acceptAction(plan, review.goal(), YEARLY_REVIEW);
    }

    /** Adds a goal the advice suggested, with its steps, partners and outcomes. */
    public Plan acceptGoal(Plan plan, String goalId) {
        id("goalId", goalId);
        if (goal(plan, goalId).isPresent()) {
            throw problem("goals", goalId + " is already in the plan");
        }
        SuggestedGoal suggested = suggestedGoal(plan.advice(), goalId).orElseThrow(() -> problem("goalId", notSuggested(plan.advice(), goalId)));
        PlanGoal goal = new PlanGoal(suggested.id(), suggested.title(), suggested.divide(), "", List.of(), List.of(), List.of());
        for (SuggestedPartner p : suggested.partners()) {
            goal = withPartner(goal, p.id());
        }
        for (SuggestedAction action : suggested.actions()) {
            goal = withAction(plan, goal, action);
        }
        goal = withWho(plan, goal);
        List<PlanGoal> goals = new ArrayList<>(plan.goals());
        goals.add(goal);
        return checked(plan.withGoals(goals));
    }

    /** Removes a goal and everything under it. */
    public Plan removeGoal(Plan plan, String goalId) {
        goal(plan, id("goalId", goalId)).orElseThrow(() -> unknownGoal(plan, goalId));
        return checked(plan.withGoals(plan.goals().stream().filter(g -> !goalId.equals(g.id())).toList()));
    }

    /**
     * Adds an action step to a goal: the advice's version when it suggested the action (its outcome has the
     * district's baseline), else the catalog's, with a target from the metric's threshold.
     */
    public Plan acceptAction(Plan plan, String goalId, String actionId) {
        id("actionId", actionId);
        return editGoal(plan, goalId, goal -> {
            if (goal.steps().stream().anyMatch(s -> actionId.equals(s.id()))) {
                throw problem("actionId", actionId + " is already a step of " + goalId);
            }
            SuggestedAction action = suggestedAction(plan.advice(), actionId).orElseGet(() -> catalogAction(plan, actionId));
            PlanGoal edited = withAction(plan, goal, action);
            // The leader's own WHO stays; an empty one is filled from the outcomes.
            return goal.who() == null || goal.who().isBlank() ? withWho(plan, edited) : edited;
        });
    }

    /** Removes a step; the goal's outcomes that only that step served go with it. */
    public Plan removeAction(Plan plan, String goalId, String stepId) {
        id("actionId", stepId);
        return editGoal(plan, goalId, goal -> {
            if (goal.steps().stream().noneMatch(s -> stepId.equals(s.id()))) {
                throw problem("actionId", stepId + " is not a step of " + goalId + "; its steps are " + goal.steps().stream().map(ActionStep::id).toList());
            }
            List<ActionStep> steps = goal.steps().stream().filter(s -> !stepId.equals(s.id())).toList();
            return goal.withSteps(steps).withOutcomes(goal.outcomes().stream().filter(o -> servedBy(o, steps)).toList());
        });
    }

    /** Adds a catalog partner to a goal. */
    public Plan acceptPartner(Plan plan, String goalId, String partnerId) {
        if (!kb.partners().containsKey(id("partnerId", partnerId))) {
            throw problem("partnerId", "no partner " + partnerId + " in the catalog");
        }
        return editGoal(plan, goalId, goal -> {
            if (goal.partners().stream().anyMatch(p -> partnerId.equals(p.id()))) {
                throw problem("partnerId", partnerId + " is already a partner of " + goalId);
            }
            return withPartner(goal, partnerId);
        });
    }

    /**
     * Adds a partner of the leader's own (the county library, a local internet provider): a name, and what it
     * does for the goal. Its id is {@code OWN-} and the name's letters, so it can be removed like any partner.
     */
    public Plan addPartner(Plan plan, String goalId, String name, String role) {
        if (name == null || name.isBlank()) {
            throw problem("name", "is required: the partner's name, e.g. Adams County Public Library");
        }
        String wrong = InputLimits.NAME.problem(name.strip());
        if (wrong == null && role != null) {
            wrong = InputLimits.SENTENCE.problem(role);
            if (wrong != null) {
                throw problem("role", wrong);
            }
        }
        if (wrong != null) {
            throw problem("name", wrong);
        }
        String id = ownId(name);
        return editGoal(plan, goalId, goal -> {
            if (goal.partners().stream().anyMatch(p -> id.equals(p.id()) || name.strip().equalsIgnoreCase(p.name()))) {
                throw problem("name", name.strip() + " is already a partner of " + goalId);
            }
            List<PlanPartner> partners = new ArrayList<>(goal.partners());
            partners.add(new PlanPartner(id, name.strip(), role == null ? "" : role.strip()));
            return goal.withPartners(partners);
        });
    }

    /** OWN- and the name's letters and digits in capitals, hyphen-joined: "Adams County Library" is OWN-ADAMS-COUNTY-LIBRARY. */
    static String ownId(String name) {
        String slug = java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "OWN-" + (slug.isEmpty() ? Integer.toHexString(name.strip().hashCode()) : slug.substring(0, Math.min(slug.length(), 40)));
    }

    public Plan removePartner(Plan plan, String goalId, String partnerId) {
        id("partnerId", partnerId);
        return editGoal(plan, goalId, goal -> {
            if (goal.partners().stream().noneMatch(p -> partnerId.equals(p.id()))) {
                throw problem("partnerId", partnerId + " is not a partner of " + goalId);
            }
            return goal.withPartners(goal.partners().stream().filter(p -> !partnerId.equals(p.id())).toList());
        });
    }

    /** Adds a goal of the leader's own. */
    public Plan addGoal(Plan plan, PlanGoal goal) {
        if (goal.id() == null || goal.id().isBlank() || goal(plan, goal.id()).isPresent()) {
            throw problem("goal.id", goal.id() == null || goal.id().isBlank() ? "is required" : goal.id() + " is already in the plan");
        }
        List<PlanGoal> goals = new ArrayList<>(plan.goals());
        goals.add(goal);
        return checked(plan.withGoals(goals));
    }

    /** Adds a step of the leader's own to a goal. */
    public Plan addStep(Plan plan, String goalId, ActionStep step) {
        return editGoal(plan, goalId, goal -> {
            List<ActionStep> steps = new ArrayList<>(goal.steps());
            steps.add(step);
            return goal.withSteps(steps);
        });
    }

    // --- building blocks -------------------------------------------------------------------------------

    private PlanGoal withAction(Plan plan, PlanGoal goal, SuggestedAction action) {
        return withAction(plan, goal, action, false);
    }

    /** A step from an action; {@code running} marks one the district already runs, which continues from the start. */
    private PlanGoal withAction(Plan plan, PlanGoal goal, SuggestedAction action, boolean running) {
        int startMonth = running ? 0 : action.timeline().startMonth();
        LocalDate start = plan.start().plusMonths(startMonth);
        LocalDate due = plan.start().plusMonths(startMonth + action.timeline().months()).minusDays(1);
        String description = running ? words.get("step.continue", action.title())
                : Boolean.TRUE.equals(action.scaleUp()) ? words.get("step.scaleUp", action.title()) : action.title();
        String owner = action.team().isEmpty() ? null : action.team().get(0);
        List<String> team = action.team().size() > 1 ? action.team().subList(1, action.team().size()) : List.of();
        List<ActionStep> steps = new ArrayList<>(goal.steps());
        steps.add(new ActionStep(action.id(), description, owner, team, start, due, running ? ActionStep.IN_PROGRESS : ActionStep.PLANNED));
        goal = goal.withSteps(steps);
        for (String partner : action.partners()) {
            if (goal.partners().stream().noneMatch(p -> partner.equals(p.id()))) {
                goal = withPartner(goal, partner);
            }
        }
        Outcome o = action.outcome();
        if (o != null && goal.outcomes().stream().noneMatch(x -> x.metric().equals(o.metric()) && x.group().equals(o.group()))) {
            List<PlanOutcome> outcomes = new ArrayList<>(goal.outcomes());
            // An outcome is judged no earlier than the step meant to move it ends.
            LocalDate by = plan.start().plusMonths(o.months());
            outcomes.add(new PlanOutcome(o.metric(), o.group(), o.baseline(), o.target(), by.isBefore(due) ? due : by,
                    dataSource(plan.assessment(), o), o.text()));
            goal = goal.withOutcomes(outcomes);
            if (o.baseline() == null) {
                goal = withBaselineStep(plan, goal, o);
            }
        }
        return goal;
    }

    /** The id of the step that collects a missing baseline: DATA-GM-06-english-learners. */
    static String baselineStepId(String metric, String group) {
        return DATA_STEP + metric + (Measure.ALL.equals(group) ? "" : "-" + group);
    }

    /** Where none exists, the first step is to measure the baseline the outcome is judged against. */
    private PlanGoal withBaselineStep(Plan plan, PlanGoal goal, Outcome o) {
        String id = baselineStepId(o.metric(), o.group());
        if (goal.steps().stream().anyMatch(s -> id.equals(s.id()))) {
            return goal;
        }
        Metric metric = kb.metrics().get(o.metric());
        String what = metric == null ? o.metric() : lowerFirst(metric.title());
        String description = Measure.ALL.equals(o.group()) ? words.get("step.baseline", what) : words.get("step.baselineGroup", what, kb.groupName(o.group()));
        List<ActionStep> steps = new ArrayList<>();
        // The baseline must be in hand well before the target date: within three months, or half the time to it.
        int months = Math.max(1, Math.min(BASELINE_MONTHS, o.months() / 2));
        steps.add(new ActionStep(id, description, words.get("owner.data"), List.of(), plan.start(), plan.start().plusMonths(months).minusDays(1), ActionStep.PLANNED));
        steps.addAll(goal.steps());
        return goal.withSteps(steps);
    }

    private PlanGoal withPartner(PlanGoal goal, String partnerId) {
        Partner partner = kb.partners().get(partnerId);
        List<PlanPartner> partners = new ArrayList<>(goal.partners());
        partners.add(partner == null ? new PlanPartner(partnerId, partnerId, "") : new PlanPartner(partner.id(), partner.title(), partner.description()));
        return goal.withPartners(partners);
    }

    /**
     * The WHO: the groups the advice found behind on the goal's figures ("all students, especially
     * low-income students"), else the population those figures describe.
     */
    private PlanGoal withWho(Plan plan, PlanGoal goal) {
        Set<String> metrics = new LinkedHashSet<>();
        goal.outcomes().forEach(o -> metrics.add(o.metric()));
        Set<String> groups = new LinkedHashSet<>();
        if (plan.advice() != null) {
            plan.advice().findings().stream().filter(f -> Finding.GAP.equals(f.kind()) && metrics.contains(f.id())).map(Finding::group).forEach(groups::add);
        }
        goal.outcomes().forEach(o -> groups.add(o.group()));
        List<String> named = groups.stream().filter(g -> !Measure.ALL.equals(g)).map(kb::groupName).distinct().toList();
        boolean everyone = groups.contains(Measure.ALL);
        String text;
        if (!named.isEmpty()) {
            text = everyone ? words.get("who.especially", and(named)) : and(named);
        } else {
            Set<String> populations = new LinkedHashSet<>();
            for (String id : metrics) {
                Metric metric = kb.metrics().get(id);
                populations.add(metric == null ? words.get("who.students") : people(metric.population()));
            }
            text = and(List.copyOf(populations));
        }
        return new PlanGoal(goal.id(), goal.statement(), goal.divide(), text, goal.steps(), goal.partners(), goal.outcomes());
    }

    /** The people a figure's population stands for: a school network or a tool serves students. */
    private String people(String population) {
        return switch (population) {
            case "teachers", "staff", "families" -> words.get("who." + population);
            case "district" -> words.get("who.district");
            default -> words.get("who.students");
        };
    }

    private String and(List<String> names) {
        return names.isEmpty() ? "" : names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + words.get("and") + names.get(names.size() - 1);
    }

    private String dataSource(Assessment assessment, Outcome o) {
        if (o.baseline() == null) {
            return words.get("source.toCollect");
        }
        String own = words.get("source.own");
        return assessment == null ? own
                : assessment.measure(o.metric(), o.group()).map(m -> m.source() != null ? m.source() + (m.year() == null || m.source().contains(
                        String.valueOf(m.year())) ? "" : ", " + m.year()) : m.year() != null ? words.get("source.district", m.year()) : own)
                        .orElse(own);
    }

    /** The words a plan is drafted and checked with, in a language ("en" or null: English). */
    static Frames words(String language) {
        return Frames.of(WORDS, language);
    }

    private static final String WORDS = "org.equityadvisor.plan.words";

    private boolean servedBy(PlanOutcome outcome, List<ActionStep> steps) {
        return steps.stream().anyMatch(s -> {
            Action action = s.id() == null ? null : kb.actions().get(s.id());
            return action == null || action.outcome() == null || action.outcome().metric().equals(outcome.metric());
        });
    }

    private SuggestedAction catalogAction(Plan plan, String actionId) {
        Action action = kb.actions().get(actionId);
        if (action == null) {
            throw problem("actionId", "no action " + actionId + " in the catalog");
        }
        Metric metric = kb.metrics().get(action.outcome().metric());
        Double baseline = plan.assessment() == null ? null
                : plan.assessment().measure(action.outcome().metric(), Measure.ALL).map(Measure::value).orElse(null);
        Double target = action.outcome().targetFor(metric, baseline, null);
        Outcome outcome = new Outcome(action.outcome().metric(), Measure.ALL, baseline, target, action.outcome().months(), action.outcome().text());
        return new SuggestedAction(action.id(), action.title(), action.description(), action.timeline(), action.team(), action.partners(),
                outcome, 0, List.of(), List.of(), null, null);
    }

    private Plan editGoal(Plan plan, String goalId, UnaryOperator<PlanGoal> edit) {
        goal(plan, id("goalId", goalId)).orElseThrow(() -> unknownGoal(plan, goalId));
        return checked(plan.withGoals(plan.goals().stream().map(g -> goalId.equals(g.id()) ? edit.apply(g) : g).toList()));
    }

    static Optional<PlanGoal> goal(Plan plan, String goalId) {
        return plan.goals().stream().filter(g -> Objects.equals(g.id(), goalId)).findFirst();
    }

    private static Optional<SuggestedGoal> suggestedGoal(Advice advice, String id) {
        return advice == null ? Optional.empty() : advice.goals().stream().filter(g -> Objects.equals(g.id(), id)).findFirst();
    }

    private static Optional<SuggestedAction> suggestedAction(Advice advice, String id) {
        return advice == null ? Optional.empty()
                : advice.goals().stream().flatMap(g -> g.actions().stream()).filter(a -> Objects.equals(a.id(), id)).findFirst();
    }

    private static String notSuggested(Advice advice, String id) {
        List<String> ids = advice == null ? List.of() : advice.goals().stream().map(SuggestedGoal::id).toList();
        return id + " was not suggested for this district; " + (ids.isEmpty() ? "the advice suggests no goal (add your own)"
                : "suggested goals are " + String.join(", ", ids));
    }

    private static InputException unknownGoal(Plan plan, String goalId) {
        return problem("goalId", "the plan has no goal " + goalId + "; its goals are " + plan.goals().stream().map(PlanGoal::id).toList());
    }

    private static InputException problem(String field, String message) {
        return new InputException("plan", new Problem(field, message));
    }

    static String lowerFirst(String text) {
        return text.length() > 1 && Character.isUpperCase(text.charAt(1)) ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
