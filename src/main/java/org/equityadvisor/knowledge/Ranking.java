package org.equityadvisor.knowledge;

import java.util.Map;

/**
 * The ranking weights of {@code rules/ranking.yaml}. Kept as data so coaches tune the order of
 * suggestions without touching Java; see that file's comments for the meaning of each number.
 */
public record Ranking(
        double severityWeight,
        double reachWeight,
        double disparityWeight,
        double ratingWeight,
        double severeGap,
        double gap,
        Map<Integer, Double> weakness,
        double dataGap,
        double reachFullAt,
        double defaultGroupShare,
        double systemReach,
        double disparityFullAt,
        double uncertain) {

    public Ranking {
        weakness = Map.copyOf(weakness);
    }

    public double weaknessSeverity(int level) {
        return weakness.getOrDefault(level, 0.0);
    }
}
