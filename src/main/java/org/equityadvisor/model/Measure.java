package org.equityadvisor.model;

/**
 * One figure of gap data: a metric's value for one group of the district.
 *
 * @param n    respondents or students counted, when known
 * @param moe  margin of error in the metric's unit, when known
 * @param kind what sort of figure it is, when known: survey answers, or an estimate for an area
 */
public record Measure(String metric, String group, double value, Integer n, Double moe, Integer year, String source, Kind kind) {

    /**
     * A survey counts answers ({@code n} is how many answered); an estimate (the Census Bureau's American
     * Community Survey for the district's area) covers a population ({@code n} is its size) with a margin of error.
     */
    public enum Kind {
        SURVEY, ESTIMATE;

        /** The word of the input format: "survey" or "estimate". */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The kind a word of the input format names, or null. */
        public static Kind of(String word) {
            for (Kind k : values()) {
                if (k.word().equals(word)) {
                    return k;
                }
            }
            return null;
        }
    }

    public static final String ALL = "all";
    /** Fewer answers than this make a figure uncertain: advice resting on it says "verify locally". */
    public static final int MIN_COUNT = 30;
    /** A group counting fewer students than this is never reported or stored: its figure could identify them. */
    public static final int MIN_GROUP = 10;

    public Measure {
        group = group == null || group.isBlank() ? ALL : group;
    }

    public Measure(String metric, String group, double value) {
        this(metric, group, value, null, null, null, null, null);
    }

    public Measure(String metric, String group, double value, Integer n, Double moe, Integer year, String source) {
        this(metric, group, value, n, moe, year, source, null);
    }

    /**
     * True when the figure cannot be trusted on the side of the line it falls: it counts fewer than
     * {@link #MIN_COUNT} answers, or its margin of error is at least its distance to the line.
     */
    public boolean uncertainAgainst(double line) {
        return n != null && n < MIN_COUNT || marginCrosses(line);
    }

    /** True when the margin of error reaches the line: within it, the figure could be on either side. */
    public boolean marginCrosses(double line) {
        return moe != null && moe >= Math.abs(value - line);
    }

    /**
     * True for survey answers (or a count of unknown kind) that outnumber {@code factor} times the enrollment:
     * they cannot be right. An area estimate's count is the population it covers, so it never is.
     */
    public boolean answersAbove(Integer enrollment, double factor) {
        return kind != Kind.ESTIMATE && n != null && enrollment != null && n > enrollment * factor;
    }

    /** Years between the figure and a later year; 0 when its year is not known. */
    public int age(int year) {
        return this.year == null ? 0 : Math.max(0, year - this.year);
    }

    /** True for a group's figure that counts fewer than {@link #MIN_GROUP} students: it must be suppressed. */
    public boolean suppressed() {
        return !wholeDistrict() && n != null && n < MIN_GROUP;
    }

    public boolean wholeDistrict() {
        return ALL.equals(group);
    }
}
