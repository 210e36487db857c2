package org.equityadvisor.model;

/**
 * The district's size, for rules that fit steps to it: students (its enrollment, else the largest count a
 * district-wide figure gives) and the band of {@code rules/fit.yaml} it falls in.
 */
public record Size(int students, String band) {
}
