package org.equityadvisor.model;

/**
 * A measurable outcome: the metric, the group, the baseline (null when the district has no figure yet:
 * "baseline to be collected"), the target and the months from the plan's start to reach it.
 */
public record Outcome(String metric, String group, Double baseline, Double target, int months, String text) {
}
