package org.equityadvisor.model;

/**
 * Derived in the detect stage: a high self-rating (level is set) or a district-wide figure on target
 * (value is set). Strengths let refine rules drop suggestions the district does not need; an uncertain
 * figure is reported but should not be relied on to drop anything.
 */
public record Strength(String id, Integer level, Double value, boolean uncertain) {

    public static Strength rated(Answer answer) {
        return new Strength(answer.indicator(), answer.level(), null, false);
    }

    public static Strength onTarget(Measure measure, Metric metric) {
        return new Strength(measure.metric(), null, measure.value(), measure.uncertainAgainst(metric.threshold()));
    }
}
