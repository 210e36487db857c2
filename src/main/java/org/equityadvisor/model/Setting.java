package org.equityadvisor.model;

/** A named line of {@code rules/fit.yaml} the rules read (poverty that infers cost, plausibility limits). */
public record Setting(String name, double value) {
}
