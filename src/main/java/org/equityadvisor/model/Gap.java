package org.equityadvisor.model;

/**
 * Derived in the detect stage: a group's figure is past its metric's threshold, or the group is further
 * behind the district as a whole than the disparity threshold allows (the WHO of the framework).
 *
 * @param threshold     the metric's threshold for {@code PAST_THRESHOLD}; the disparity threshold in
 *                      points for {@code BEHIND_DISTRICT}
 * @param districtValue the district-wide figure a group is compared with ({@code BEHIND_DISTRICT} only)
 * @param uncertain     the figure rests on too few answers, or its margin of error could cross the threshold
 * @param severe        past the severe line, and further past it than its margin of error: certainly severe
 * @param possiblySevere past the severe line, but within its margin of error of it: severe only perhaps
 */
public record Gap(String metric, String group, double value, double threshold, boolean severe, Kind kind, Double districtValue,
        Divide divide, boolean uncertain, boolean possiblySevere) {

    /** A gap whose severity is not in doubt (no margin of error reaching the severe line). */
    public Gap(String metric, String group, double value, double threshold, boolean severe, Kind kind, Double districtValue, Divide divide,
            boolean uncertain) {
        this(metric, group, value, threshold, severe, kind, districtValue, divide, uncertain, false);
    }

    public enum Kind {
        PAST_THRESHOLD, BEHIND_DISTRICT
    }

    /** A gap past the metric's threshold; severe only when the margin of error cannot take it back over the severe line. */
    public static Gap pastThreshold(Measure measure, Metric metric) {
        boolean pastSevere = metric.severeAt(measure.value());
        boolean marginCrosses = pastSevere && measure.marginCrosses(metric.severe());
        return new Gap(measure.metric(), measure.group(), measure.value(), metric.threshold(), pastSevere && !marginCrosses,
                Kind.PAST_THRESHOLD, null, metric.divide(), measure.uncertainAgainst(metric.threshold()), marginCrosses);
    }

    /** A gap that is severe when the group is twice the disparity threshold behind. */
    public static Gap behindDistrict(Measure measure, Measure district, Metric metric, Metric disparity) {
        double behind = metric.behind(measure.value(), district.value());
        boolean pastSevere = behind >= 2 * disparity.threshold();
        boolean marginCrosses = pastSevere && measure.marginCrosses(district.value() + Math.signum(behind) * 2 * disparity.threshold());
        return new Gap(measure.metric(), measure.group(), measure.value(), disparity.threshold(), pastSevere && !marginCrosses,
                Kind.BEHIND_DISTRICT, district.value(), metric.divide(),
                measure.uncertainAgainst(district.value() + Math.signum(behind) * disparity.threshold()), marginCrosses);
    }

    public boolean wholeDistrict() {
        return Measure.ALL.equals(group);
    }

    public boolean subgroup() {
        return !wholeDistrict();
    }
}
