package org.equityadvisor.model;

import java.time.LocalDate;

/**
 * One figure measured for a plan outcome: when, the value (in the metric's unit), how many it counts
 * ({@code n}, optional), where it comes from, and who recorded it. Only group figures: never a student's.
 */
public record Actual(LocalDate date, double value, Integer n, String source, String who) {
}
