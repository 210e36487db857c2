package org.equityadvisor.model;

/**
 * Derived in the detect stage: a figure that cannot be right as given (a survey counting more answers than
 * students enrolled, a school connection below any real network). Never a refusal: the advice goes on and
 * says to check the figure at its source.
 *
 * @param kind   what is implausible, an id such as {@code answers-above-enrollment}
 * @param metric the figure's metric
 * @param group  the figure's group
 * @param value  the figure's value (or its count, for a count that cannot be right)
 * @param limit  what it was compared with (the enrollment, the lowest plausible value)
 */
public record Warning(String kind, String metric, String group, double value, double limit) {

    public static final String ANSWERS_ABOVE_ENROLLMENT = "answers-above-enrollment";
    public static final String BELOW_ANY_NETWORK = "below-any-network";
    public static final String DEVICES_BELOW_ONE_TO_ONE = "devices-below-one-to-one";
    /** The metric a device warning is filed under: students without an adequate learning device. */
    static final String DEVICE_METRIC = "GM-05";

    public static Warning answersAboveEnrollment(Measure m, District d) {
        return new Warning(ANSWERS_ABOVE_ENROLLMENT, m.metric(), m.group(), m.n(), d.enrollment());
    }

    /** One-to-one claimed with fewer devices than the line allows: the value is the device count, the limit the students enrolled. */
    public static Warning devicesBelowOneToOne(District d, Setting line) {
        return new Warning(DEVICES_BELOW_ONE_TO_ONE, DEVICE_METRIC, Measure.ALL, d.studentDevices(), d.enrollment());
    }

    public static Warning belowAnyNetwork(Measure m, Setting line) {
        return new Warning(BELOW_ANY_NETWORK, m.metric(), m.group(), m.value(), line.value());
    }
}
