package org.equityadvisor.model;

/**
 * Inserted by suggest rules: a catalog goal ({@code G-}), action ({@code AS-}) or partner ({@code PT-})
 * worth proposing. Why it was proposed is captured by the advisor from the rule that inserted it and the
 * facts that rule matched, so a rule only names what it suggests.
 */
public record Suggestion(String id) {
}
