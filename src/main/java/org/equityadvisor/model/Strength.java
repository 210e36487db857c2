package org.equityadvisor.model;

/**
 * Derived in the detect stage: a high self-rating (level is set) or a district-wide figure on target
 * (value is set). Strengths let refine rules drop suggestions the district does not need.
 */
public record Strength(String id, Integer level, Double value) {

    public static Strength rated(Answer answer) {
        return new Strength(answer.indicator(), answer.level(), null);
    }

    public static Strength onTarget(Measure measure) {
        return new Strength(measure.metric(), null, measure.value());
    }
}
