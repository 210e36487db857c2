package org.equityadvisor.model;

/**
 * How an action's success is measured: the metric that moves, how its target is set
 * ({@code threshold}, {@code halve}, or a number), and by when.
 */
public record OutcomeTemplate(String metric, String target, int months, String text) {

    public static final String TO_THRESHOLD = "threshold";
    public static final String HALVE = "halve";

    /**
     * The target this template sets from a baseline: a fixed number, the metric's threshold, or halfway to it.
     * A group that is within the threshold but behind the district ({@code gap}, when one triggered the step)
     * aims to come within the disparity threshold of it. Null baseline and no threshold: no target.
     */
    public Double targetFor(Metric metric, Double baseline, Gap gap) {
        if (!TO_THRESHOLD.equals(target) && !HALVE.equals(target)) {
            return Double.parseDouble(target);
        }
        Double goal = metric.threshold();
        if (baseline != null && gap != null && gap.kind() == Gap.Kind.BEHIND_DISTRICT && (goal == null || !metric.worse(baseline, goal))) {
            goal = gap.districtValue() + (metric.direction() == Metric.Direction.HIGHER_IS_WORSE ? gap.threshold() : -gap.threshold());
        }
        if (goal == null) {
            return baseline;
        }
        if (baseline == null || !metric.worse(baseline, goal)) {
            // Already there (or unknown): the target is to be at or better than the goal.
            return baseline == null ? goal : baseline;
        }
        double value = HALVE.equals(target) ? baseline - (baseline - goal) / 2 : goal;
        return Math.round(value * 10) / 10.0;
    }
}
