package org.equityadvisor.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How far an action step has got. The plan file keeps the code ({@code planned} for a step not started, as
 * round-1 plans wrote it), so every plan written before step statuses existed still reads.
 */
public enum StepStatus {
    NOT_STARTED("planned"), IN_PROGRESS("in-progress"), DONE("done"), BLOCKED("blocked");

    private final String code;

    StepStatus(String code) {
        this.code = code;
    }

    /** What the plan file holds. */
    public String code() {
        return code;
    }

    /** A status from its code or its name, any case: {@code done}, {@code in-progress}, {@code NOT_STARTED}, {@code not-started}. */
    public static StepStatus parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (StepStatus s : values()) {
            if (s.code.equals(t) || s.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a step status; use one of " + choices());
    }

    public static String choices() {
        return Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", "));
    }
}
