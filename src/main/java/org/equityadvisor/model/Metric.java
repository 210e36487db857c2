package org.equityadvisor.model;

import java.util.List;

/**
 * A gap metric of the framework with its thresholds. A district's own threshold replaces the default
 * through {@link #withThreshold(double)} before the rules see the metric, so rules compare against one
 * value whichever way it was set.
 */
public record Metric(
        String id,
        String title,
        String text,
        String unit,
        String per,
        Direction direction,
        Double threshold,
        Double severe,
        String population,
        boolean key,
        boolean disaggregate,
        boolean proposal,
        Divide divide,
        List<String> components,
        Dimension dimension,
        List<String> sources) {

    public static final String PERCENT = "%";
    public static final String STUDENTS = "students";

    public enum Direction {
        HIGHER_IS_WORSE, LOWER_IS_WORSE
    }

    public Metric {
        per = per == null ? "" : per;
        components = Lists.copy(components);
        sources = Lists.copy(sources);
    }

    /** Informational metrics have no threshold and never make a gap. */
    public boolean informational() {
        return threshold == null;
    }

    /** True when the value is past the threshold, in this metric's bad direction. */
    public boolean flags(double value) {
        return threshold != null && worse(value, threshold);
    }

    /** True when the value is past the severe threshold. */
    public boolean severeAt(double value) {
        return severe != null && worse(value, severe);
    }

    /** How far a group is behind the district, in the metric's unit; negative when it is ahead. */
    public double behind(double groupValue, double districtValue) {
        return direction == Direction.HIGHER_IS_WORSE ? groupValue - districtValue : districtValue - groupValue;
    }

    public boolean worse(double value, double than) {
        return direction == Direction.HIGHER_IS_WORSE ? value > than : value < than;
    }

    public boolean percent() {
        return PERCENT.equals(unit);
    }

    public boolean aboutStudents() {
        return STUDENTS.equals(population);
    }

    public Metric withThreshold(double districtThreshold) {
        return new Metric(id, title, text, unit, per, direction, districtThreshold, severe, population, key,
                disaggregate, proposal, divide, components, dimension, sources);
    }
}
