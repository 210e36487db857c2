package org.equityadvisor.advise;

import java.time.Duration;
import java.util.Locale;

/**
 * How far one run of the rules may go: at most {@code maxFirings} rule firings and {@code time} of wall
 * clock per advice (each scenario of a reload is one advice). A rule set that re-triggers itself or a
 * consequence that never ends fails that advice with the rule named, instead of holding a thread and a core.
 *
 * <p>Set with the system properties {@value #MAX_FIRINGS} and {@value #TIME} (or the environment variables
 * {@code EQUITY_ADVISOR_RULES_MAX_FIRINGS}, {@code EQUITY_ADVISOR_RULES_TIME_BUDGET}); the time is written
 * {@code 10s}, {@code 500ms} or ISO-8601 ({@code PT10S}).
 */
public record RuleBudget(int maxFirings, Duration time) {

    public static final String MAX_FIRINGS = "equityadvisor.rules.maxFirings";
    public static final String TIME = "equityadvisor.rules.timeBudget";
    /** An advice of the largest accepted assessment fires a few thousand times; a loop reaches this in well under a second. */
    public static final int DEFAULT_MAX_FIRINGS = 100_000;
    /** The largest accepted assessment advises in well under a second; ten leaves room on a slow, busy machine. */
    public static final Duration DEFAULT_TIME = Duration.ofSeconds(10);

    public RuleBudget {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1, not " + maxFirings);
        }
        if (time == null || time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("the time budget must be positive, not " + time);
        }
    }

    public static RuleBudget defaults() {
        return new RuleBudget(DEFAULT_MAX_FIRINGS, DEFAULT_TIME);
    }

    /**
     * The budget the system properties or the environment set, the defaults for what they leave out.
     *
     * @throws IllegalArgumentException naming the setting when a value cannot be read
     */
    public static RuleBudget fromEnvironment() {
        String firings = setting(MAX_FIRINGS, "EQUITY_ADVISOR_RULES_MAX_FIRINGS");
        String time = setting(TIME, "EQUITY_ADVISOR_RULES_TIME_BUDGET");
        int max = DEFAULT_MAX_FIRINGS;
        if (firings != null) {
            try {
                max = Integer.parseInt(firings.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                max = 0;
            }
            if (max < 1) {
                throw new IllegalArgumentException(MAX_FIRINGS + " must be a whole number of firings, at least 1, not '" + firings + "'");
            }
        }
        Duration d = time == null ? DEFAULT_TIME : duration(time);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(TIME + " must be positive, not '" + time + "'");
        }
        return new RuleBudget(max, d);
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** "10s", "500ms", "2m" or ISO-8601 "PT10S". */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).strip()) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).strip()) * 60));
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new IllegalArgumentException(TIME + " must be written like 10s, 500ms or PT10S, not '" + text + "'");
    }
}
