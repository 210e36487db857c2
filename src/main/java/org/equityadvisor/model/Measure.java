package org.equityadvisor.model;

/**
 * One figure of gap data: a metric's value for one group of the district.
 *
 * @param n   respondents or students counted, when known
 * @param moe margin of error in the metric's unit, when known
 */
public record Measure(String metric, String group, double value, Integer n, Double moe, Integer year, String source) {

    public static final String ALL = "all";

    public Measure {
        group = group == null || group.isBlank() ? ALL : group;
    }

    public Measure(String metric, String group, double value) {
        this(metric, group, value, null, null, null, null);
    }

    public boolean wholeDistrict() {
        return ALL.equals(group);
    }
}
