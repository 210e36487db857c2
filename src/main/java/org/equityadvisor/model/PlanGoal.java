package org.equityadvisor.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One goal of a plan with the five CoSN components: action steps, timelines (the steps' dates), team
 * members (the steps' owners and teams), partners and measurable outcomes. {@code who} is the WHO of
 * "WHO needs WHAT to learn HOW": the students or staff the goal serves. {@code id} is the catalog goal it
 * came from, or one the leader chose for a goal of their own.
 */
public record PlanGoal(
        String id,
        String statement,
        Divide divide,
        String who,
        List<ActionStep> steps,
        List<PlanPartner> partners,
        List<PlanOutcome> outcomes) {

    public PlanGoal {
        steps = Lists.copy(steps);
        partners = Lists.copy(partners);
        outcomes = Lists.copy(outcomes);
    }

    /** Everyone named on a step, owners first, each once, in plan order. */
    public List<String> members() {
        Set<String> members = new LinkedHashSet<>();
        for (ActionStep step : steps) {
            if (step.owner() != null && !step.owner().isBlank()) {
                members.add(step.owner());
            }
            step.team().stream().filter(t -> t != null && !t.isBlank()).forEach(members::add);
        }
        return List.copyOf(members);
    }

    public PlanGoal withSteps(List<ActionStep> newSteps) {
        return new PlanGoal(id, statement, divide, who, newSteps, partners, outcomes);
    }

    public PlanGoal withPartners(List<PlanPartner> newPartners) {
        return new PlanGoal(id, statement, divide, who, steps, newPartners, outcomes);
    }

    public PlanGoal withOutcomes(List<PlanOutcome> newOutcomes) {
        return new PlanGoal(id, statement, divide, who, steps, partners, newOutcomes);
    }
}
