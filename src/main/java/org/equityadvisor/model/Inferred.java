package org.equityadvisor.model;

/**
 * Derived in the detect stage where a figure is missing but the district's context points to it: high
 * poverty makes cost ({@code GM-04b}) the likely barrier when the barrier mix is not measured. Ranked below
 * what is measured; the step that would measure it comes with it.
 *
 * @param metric the figure inferred (e.g. GM-04b)
 * @param basis  the context figure it rests on (the district's % of children in poverty)
 * @param line   the line of rules/fit.yaml the basis is at or above
 */
public record Inferred(String metric, double basis, double line) {
}
