package org.equityadvisor.advise;

/**
 * What became of one candidate suggestion: kept (with how many rules proposed it), or dropped and why
 * (in place, a strength, an ended programme, an expired rule, no goal to hold it).
 */
public record Decision(String id, String outcome, String reason) {

    public static final String KEPT = "kept";
    public static final String DROPPED = "dropped";
}
