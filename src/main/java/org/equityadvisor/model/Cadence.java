package org.equityadvisor.model;

/** How often a plan reports its outcome figures: the owners' update dates, counted from the plan's start. */
public enum Cadence {
    MONTHLY(1), QUARTERLY(3);

    private final int months;

    Cadence(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
