package org.equityadvisor.model;

/**
 * How an action's success is measured: the metric that moves, how its target is set
 * ({@code threshold}, {@code halve}, or a number), and by when.
 */
public record OutcomeTemplate(String metric, String target, int months, String text) {

    public static final String TO_THRESHOLD = "threshold";
    public static final String HALVE = "halve";
}
