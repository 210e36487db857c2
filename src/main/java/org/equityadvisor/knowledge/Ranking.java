package org.equityadvisor.knowledge;

import java.util.Map;

/**
 * The ranking weights of {@code rules/ranking.yaml}. Kept as data so coaches tune the order of
 * suggestions without touching Java; see that file's comments for the meaning of each number.
 *
 * @param gap             severity of a figure just past its threshold
 * @param halfway         how far past the threshold (in threshold-to-severe spans) severity is halfway from
 *                        {@code gap} to 1; it keeps rising beyond, without a cliff
 * @param reachShareHalf  the share of all students (%) at which the share part of reach is one half
 * @param reachHeadsFull  the number of students at which the head-count part of reach is full (log scale)
 * @param reachHeads      the head count's part of reach (the rest is the share)
 * @param staleAfter      a figure more than this many years older than the plan's start is old
 * @param old             score multiplier of a suggestion resting only on old figures
 * @param inferred        score multiplier of a suggestion inferred from context (poverty) rather than measured
 * @param peers           added to the score of a suggestion resting on a figure worse than three in four similar
 *                        districts' (0 when ranking.yaml gives none)
 */
public record Ranking(
        double severityWeight,
        double reachWeight,
        double disparityWeight,
        double ratingWeight,
        double gap,
        double halfway,
        Map<Integer, Double> weakness,
        double dataGap,
        double reachShareHalf,
        double reachHeadsFull,
        double reachHeads,
        double defaultGroupShare,
        double systemReach,
        double disparityFullAt,
        double uncertain,
        double staleAfter,
        double old,
        double inferred,
        double peers) {

    public Ranking {
        weakness = Map.copyOf(weakness);
    }

    public double weaknessSeverity(int level) {
        return weakness.getOrDefault(level, 0.0);
    }
}
