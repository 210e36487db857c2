package org.equityadvisor.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The yearly report of a plan (CoSN micro-credential 5, "Implementing a District Plan for Digital Equity"):
 * the plan, the year it covers, and where each outcome stands at its end.
 */
public record ProgressReport(Plan plan, LocalDate from, LocalDate to, List<OutcomeProgress> outcomes) {

    public ProgressReport {
        outcomes = Lists.copy(outcomes);
    }
}
