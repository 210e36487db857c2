package org.equityadvisor.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Actual;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Finding;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.PlanOutcome;
import org.equityadvisor.model.SuggestedGoal;

/**
 * Re-advice: the advice a plan was drafted from against the advice new figures give. A gap is the same
 * gap when its metric and group are; a goal is "no longer supported" when the plan took it from the old
 * advice and the new advice no longer suggests it (a goal of the leader's own is never judged so).
 */
final class Reviews {

    private Reviews() {
    }

    static Progress.Review compare(KnowledgeBase kb, Plan plan, Assessment now, Advice advice) {
        Map<String, Finding> before = gaps(plan.advice());
        Map<String, Finding> after = gaps(advice);
        List<String> closed = new ArrayList<>();
        before.forEach((key, f) -> {
            if (!after.containsKey(key)) {
                Optional<Measure> m = now.measure(f.id(), f.group());
                closed.add(f.text() + " Now: " + m.map(x -> OutcomePath.number(x.value()) + ", no longer a gap.").orElse("no gap found in the new figures."));
            }
        });
        List<String> opened = new ArrayList<>();
        after.forEach((key, f) -> {
            if (!before.containsKey(key)) {
                opened.add(f.text());
            }
        });
        List<String> achieved = new ArrayList<>();
        for (PlanGoal goal : plan.goals()) {
            for (PlanOutcome o : goal.outcomes()) {
                Optional<Measure> m = now.measure(o.metric(), o.group());
                // Only a change: an outcome whose baseline already met its target (a level to hold) was achieved before the plan began.
                if (m.isPresent() && reached(kb, o, m.get().value()) && (o.baseline() == null || !reached(kb, o, o.baseline()))) {
                    achieved.add(goal.id() + " " + o.key() + ": " + OutcomePath.name(kb, o) + " is " + OutcomePath.number(m.get().value())
                            + ", target " + OutcomePath.number(o.target()) + " reached.");
                }
            }
        }
        Set<String> suggestedBefore = plan.advice() == null ? Set.of() : plan.advice().goals().stream().map(SuggestedGoal::id).collect(Collectors.toSet());
        Set<String> suggestedNow = advice.goals().stream().map(SuggestedGoal::id).collect(Collectors.toSet());
        List<String> unsupported = new ArrayList<>();
        for (PlanGoal goal : plan.goals()) {
            if (suggestedBefore.contains(goal.id()) && !suggestedNow.contains(goal.id())) {
                unsupported.add(goal.id() + ": " + goal.statement() + " (the new figures no longer point to it; keep it if the work is unfinished, or remove it)");
            }
        }
        Set<String> inPlan = plan.goals().stream().map(PlanGoal::id).collect(Collectors.toSet());
        List<Progress.Suggestion> fresh = new ArrayList<>();
        for (SuggestedGoal g : advice.goals()) {
            if (!inPlan.contains(g.id()) && !suggestedBefore.contains(g.id())) {
                fresh.add(new Progress.Suggestion(g.id(), g.title(), g.because().isEmpty() ? "" : g.because().get(0).text()));
            }
        }
        return new Progress.Review(plan.advice() == null ? null : plan.advice().ruleSet(), advice.ruleSet(), closed, opened, achieved, unsupported, fresh,
                now, advice);
    }

    /** The new figures recorded as actuals of the outcomes they measure, and the new advice made the plan's. */
    static Plan accept(Plan plan, Progress.Review review, String who, LocalDate on) {
        Assessment now = review.assessment().withoutSuppressed();
        List<PlanGoal> goals = new ArrayList<>();
        for (PlanGoal goal : plan.goals()) {
            List<PlanOutcome> outcomes = new ArrayList<>();
            for (PlanOutcome o : goal.outcomes()) {
                Optional<Measure> m = now.measure(o.metric(), o.group());
                outcomes.add(m.map(x -> Tracking.withActual(o, new Actual(on, x.value(), x.n(),
                        x.source() == null ? "review of " + on : x.source(), who))).orElse(o));
            }
            goals.add(goal.withOutcomes(outcomes));
        }
        return plan.withGoals(goals).withEvidence(now, review.advice());
    }

    private static boolean reached(KnowledgeBase kb, PlanOutcome o, double value) {
        if (o.target() == null) {
            return false;
        }
        if (o.baseline() != null && !Objects.equals(o.baseline(), o.target())) {
            return o.target() > o.baseline() ? value >= o.target() : value <= o.target();
        }
        var metric = kb.metrics().get(o.metric());
        return metric != null && (metric.direction() == org.equityadvisor.model.Metric.Direction.HIGHER_IS_WORSE ? value <= o.target() : value >= o.target());
    }

    private static Map<String, Finding> gaps(Advice advice) {
        Map<String, Finding> out = new LinkedHashMap<>();
        if (advice != null) {
            advice.findings().stream().filter(f -> Finding.GAP.equals(f.kind())).forEach(f -> out.putIfAbsent(f.id() + "|" + f.group(), f));
        }
        return out;
    }
}
