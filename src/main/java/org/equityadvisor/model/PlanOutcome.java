package org.equityadvisor.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A measurable outcome of a plan goal: a metric for one group, from its baseline (null: "baseline to be
 * collected") to a target by a date, where the figure comes from, and the figures measured since (in date
 * order; optional in the file, so round-1 plans read unchanged).
 */
public record PlanOutcome(String metric, String group, Double baseline, Double target, LocalDate targetDate, String dataSource,
        String text, List<Actual> actuals) {

    public PlanOutcome {
        actuals = Lists.copy(actuals);
    }

    public PlanOutcome(String metric, String group, Double baseline, Double target, LocalDate targetDate, String dataSource, String text) {
        this(metric, group, baseline, target, targetDate, dataSource, text, List.of());
    }

    /** How the plan names it: the metric for the whole district ({@code GM-01}), else metric/group ({@code GM-01/low-income}). */
    public String key() {
        return Measure.ALL.equals(group) || group == null ? metric : metric + "/" + group;
    }

    public PlanOutcome withActuals(List<Actual> newActuals) {
        return new PlanOutcome(metric, group, baseline, target, targetDate, dataSource, text, newActuals);
    }
}
