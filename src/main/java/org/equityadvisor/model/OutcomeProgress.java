package org.equityadvisor.model;

import java.time.LocalDate;
import java.util.List;

/**
 * An outcome's figures over time and where they stand: the goal it belongs to, its id in the plan
 * ({@code GM-01} or {@code GM-01/low-income}), the status, the value the straight path expected on the date of
 * the latest figure (null without one), and a sentence that says so with the figures.
 */
public record OutcomeProgress(String goalId, String id, PlanOutcome outcome, LocalDate baselineDate, ProgressStatus status, Double expected,
        String sentence) {

    /** The figures in date order (the plan keeps them so). */
    public List<Actual> actuals() {
        return outcome.actuals();
    }
}
