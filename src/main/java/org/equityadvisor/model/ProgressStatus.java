package org.equityadvisor.model;

/**
 * Where an outcome stands against the straight path from its baseline (at the plan's start) to its target
 * (at the target date): see docs/progress.md for the rule.
 */
public enum ProgressStatus {
    ON_TRACK, BEHIND, ACHIEVED, NO_DATA
}
