package org.equityadvisor.model;

import java.time.LocalDate;

/**
 * A measurable outcome of a plan goal: a metric for one group, from its baseline (null: "baseline to be
 * collected") to a target by a date, and where the figure comes from.
 */
public record PlanOutcome(String metric, String group, Double baseline, Double target, LocalDate targetDate, String dataSource,
        String text) {
}
