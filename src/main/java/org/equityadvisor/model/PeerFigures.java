package org.equityadvisor.model;

import java.util.Locale;

/**
 * How districts like this one stand on a metric: the spread of the same public figure over similar
 * districts (same state where there are enough, similar number of children, similar poverty).
 *
 * @param metric        the metric compared (GM-01 for the public table)
 * @param districts     how many similar districts the figures summarise
 * @param median        their median, in the metric's unit
 * @param lowerQuartile a quarter of them are at or below this
 * @param upperQuartile three in four are at or below this
 * @param below         how many of them have a lower figure than this district's own
 * @param scope         who they are, in words ("Illinois districts with 2,000-8,000 children and 10-20% in poverty")
 * @param source        where their figures come from
 * @param area          who they are, in parts, for a sentence in any language; null when not known
 */
public record PeerFigures(String metric, int districts, double median, double lowerQuartile, double upperQuartile, int below, String scope,
        String source, Area area) {

    /**
     * Who the similar districts are: where they were taken from ({@code state}, {@code region} or {@code nation}),
     * that place's name (a state's or a region's; null for the nation), and the ranges of children and of the share
     * in poverty they were chosen within.
     */
    public record Area(String where, String place, long childrenFrom, long childrenTo, long povertyFrom, long povertyTo) {
    }

    public PeerFigures(String metric, int districts, double median, double lowerQuartile, double upperQuartile, int below, String scope, String source) {
        this(metric, districts, median, lowerQuartile, upperQuartile, below, scope, source, null);
    }

    /** True when this district's figure is worse than three in four similar districts'. */
    public boolean lagging() {
        return below * 4 >= districts * 3;
    }

    /** The clause a finding adds: "similar districts: median 9%, three in four below 14% (212 districts: …)". */
    public String sentence(String unit) {
        return sentence(unit, "similar districts: median %s%s, three in four at or below %s%s (%,d %s)");
    }

    /** The same clause in another language's frame (the advice's own): median, unit, upper quartile, unit, count, scope. */
    public String sentence(String unit, String frame) {
        return sentence(unit, frame, scope);
    }

    /** As {@link #sentence(String, String)}, with the scope said in the frame's language. */
    public String sentence(String unit, String frame, String scope) {
        return String.format(Locale.ROOT, frame, number(median), unit, number(upperQuartile), unit, districts, scope);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
