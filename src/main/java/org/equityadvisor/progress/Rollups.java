package org.equityadvisor.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.District;
import org.equityadvisor.model.NtiaField;
import org.equityadvisor.model.OutcomeProgress;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.ProgressStatus;
import org.equityadvisor.model.StepStatus;

/**
 * The districts' plans of one state gathered under the fields of a State Digital Equity Plan, as
 * rules/ntia.yaml maps them. A goal serves an objective when the mapping names the goal or the metric of one
 * of its outcomes; an outcome counts for a covered population when its group belongs to it, and every outcome
 * of a district whose locale belongs to it (rural) counts too. Only counts leave a district: no student figure.
 */
final class Rollups {

    private Rollups() {
    }

    static Progress.Rollup of(KnowledgeBase kb, String state, List<Plan> plans, LocalDate asOf) {
        String wanted = state.strip().toUpperCase(Locale.ROOT);
        List<Progress.FieldRow> rows = new ArrayList<>();
        List<Progress.DistrictRow> districts = new ArrayList<>();
        int skipped = 0;
        List<Plan> mine = new ArrayList<>();
        for (Plan plan : plans) {
            District d = plan.assessment() == null ? null : plan.assessment().district();
            if (d == null || d.state() == null || !wanted.equalsIgnoreCase(d.state().strip())) {
                skipped++;
                continue;
            }
            mine.add(plan);
        }
        Map<Plan, List<OutcomeProgress>> progress = new java.util.IdentityHashMap<>();
        for (Plan plan : mine) {
            List<OutcomeProgress> outcomes = new ArrayList<>();
            for (PlanGoal g : plan.goals()) {
                g.outcomes().forEach(o -> outcomes.add(OutcomePath.of(kb, g.id(), o, plan.start(), asOf)));
            }
            progress.put(plan, outcomes);
            Map<StepStatus, Integer> steps = steps(plan.goals());
            Set<String> fields = new LinkedHashSet<>();
            for (NtiaField f : kb.ntia().values()) {
                if (f.kind() == NtiaField.Kind.OBJECTIVE ? plan.goals().stream().anyMatch(g -> serves(f, g))
                        : outcomes.stream().anyMatch(o -> counts(f, plan, o))) {
                    fields.add(f.id());
                }
            }
            District d = plan.assessment().district();
            districts.add(new Progress.DistrictRow(d.id(), d.name(), plan.title(), plan.goals().size(), steps.get(StepStatus.DONE), total(steps),
                    statuses(outcomes), List.copyOf(fields)));
        }
        for (NtiaField f : kb.ntia().values()) {
            int districtCount = 0;
            int goals = 0;
            List<OutcomeProgress> outcomes = new ArrayList<>();
            Map<StepStatus, Integer> steps = new EnumMap<>(StepStatus.class);
            for (StepStatus s : StepStatus.values()) {
                steps.put(s, 0);
            }
            for (Plan plan : mine) {
                List<PlanGoal> serving = f.kind() == NtiaField.Kind.OBJECTIVE ? plan.goals().stream().filter(g -> serves(f, g)).toList() : List.of();
                List<OutcomeProgress> counted = progress.get(plan).stream()
                        .filter(o -> f.kind() == NtiaField.Kind.OBJECTIVE ? serving.stream().anyMatch(g -> g.id().equals(o.goalId())) && objectiveOutcome(f, o)
                                : counts(f, plan, o)).toList();
                if (!serving.isEmpty() || !counted.isEmpty()) {
                    districtCount++;
                }
                goals += serving.size();
                outcomes.addAll(counted);
                steps(serving).forEach((k, v) -> steps.merge(k, v, Integer::sum));
            }
            rows.add(new Progress.FieldRow(f.id(), f.kind(), f.title(), districtCount, goals, outcomes.size(), statuses(outcomes), steps.get(StepStatus.DONE),
                    total(steps), kb.cite(f.sources())));
        }
        return new Progress.Rollup(wanted, asOf, kb.hash(), mine.size(), skipped, rows, districts);
    }

    /** A goal serves an objective by its id, or by the metric of one of its outcomes. */
    private static boolean serves(NtiaField f, PlanGoal g) {
        return f.goals().contains(g.id()) || g.outcomes().stream().anyMatch(o -> f.metrics().contains(o.metric()));
    }

    /** An outcome of a serving goal counts for the objective unless its metric belongs to another area only. */
    private static boolean objectiveOutcome(NtiaField f, OutcomeProgress o) {
        return f.metrics().isEmpty() || f.metrics().contains(o.outcome().metric()) || f.goals().contains(o.goalId());
    }

    private static boolean counts(NtiaField population, Plan plan, OutcomeProgress o) {
        String locale = plan.assessment().district().locale();
        return population.covers(o.outcome().group()) || locale != null && population.locales().contains(locale);
    }

    private static Map<StepStatus, Integer> steps(List<PlanGoal> goals) {
        Map<StepStatus, Integer> out = new EnumMap<>(StepStatus.class);
        for (StepStatus s : StepStatus.values()) {
            out.put(s, 0);
        }
        for (PlanGoal g : goals) {
            for (ActionStep s : g.steps()) {
                out.merge(s.stepStatus(), 1, Integer::sum);
            }
        }
        return out;
    }

    private static int total(Map<StepStatus, Integer> steps) {
        return steps.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Map<ProgressStatus, Integer> statuses(List<OutcomeProgress> outcomes) {
        Map<ProgressStatus, Integer> out = new EnumMap<>(ProgressStatus.class);
        for (ProgressStatus s : ProgressStatus.values()) {
            out.put(s, 0);
        }
        outcomes.forEach(o -> out.merge(o.status(), 1, Integer::sum));
        return out;
    }
}
