package org.equityadvisor.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A district's draft plan in the shape of the CoSN micro-credential "Creating a District Plan for Digital
 * Equity": an overview (Part 1), three or more goals (Part 2) and a reflection (Part 3). It keeps the
 * assessment and advice it was drafted from, and the hash of the rule set that gave that advice, so every
 * goal can still be traced to its reasons and more suggestions can be accepted later.
 */
public record Plan(
        String title,
        String district,
        LocalDate start,
        String overview,
        String reflection,
        List<PlanGoal> goals,
        String ruleSet,
        Assessment assessment,
        Advice advice,
        Cadence cadence) {

    public Plan {
        goals = Lists.copy(goals);
        overview = overview == null ? "" : overview;
        reflection = reflection == null ? "" : reflection;
    }

    /** A plan without a reporting cadence of its own: it reports quarterly (see {@link #reporting()}). */
    public Plan(String title, String district, LocalDate start, String overview, String reflection, List<PlanGoal> goals, String ruleSet,
            Assessment assessment, Advice advice) {
        this(title, district, start, overview, reflection, goals, ruleSet, assessment, advice, null);
    }

    /** How often the plan reports; quarterly when it does not say (round-1 plans). */
    public Cadence reporting() {
        return cadence == null ? Cadence.QUARTERLY : cadence;
    }

    public Plan withGoals(List<PlanGoal> newGoals) {
        return new Plan(title, district, start, overview, reflection, newGoals, ruleSet, assessment, advice, cadence);
    }

    public Plan withText(String newTitle, String newOverview, String newReflection) {
        return new Plan(newTitle, district, start, newOverview, newReflection, goals, ruleSet, assessment, advice, cadence);
    }

    public Plan withCadence(Cadence newCadence) {
        return new Plan(title, district, start, overview, reflection, goals, ruleSet, assessment, advice, newCadence);
    }

    /** The plan with newer figures and the advice they gave (a review accepted); the goals stay as they are. */
    public Plan withEvidence(Assessment newAssessment, Advice newAdvice) {
        return new Plan(title, district, start, overview, reflection, goals, newAdvice.ruleSet(), newAssessment, newAdvice, cadence);
    }
}
