package org.equityadvisor.model;

/**
 * What the detect stage found: a gap (with the group it concerns), a weakness, a strength or a data gap.
 * Fields that do not apply to a kind are null; confidence is "low" for a figure that is uncertain.
 */
public record Finding(
        String kind,
        String id,
        String group,
        Double value,
        Double threshold,
        String severity,
        Integer level,
        String rule,
        String text,
        String confidence) {

    public static final String GAP = "gap";
    public static final String WEAKNESS = "weakness";
    public static final String STRENGTH = "strength";
    public static final String DATA_GAP = "data-gap";
    /** A figure that cannot be right as given (more answers than students, shares over 100%): check it at the source. */
    public static final String WARNING = "warning";
    /**
     * A figure not measured but inferred from the district's context (cost as the likely barrier where poverty
     * is high); as a suggestion's confidence, one that rests only on such an inference.
     */
    public static final String INFERRED = "inferred";
    /** Confidence of a finding or suggestion that rests only on uncertain figures. */
    public static final String LOW_CONFIDENCE = "low";
}
