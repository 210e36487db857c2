package org.equityadvisor.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How advice fits the district, from {@code rules/fit.yaml}: size bands, who does each role of a step's team
 * in a district of each band, and the lines the rules read as {@code Setting} facts. A rule set without the
 * file gets no bands, catalog teams and no lines.
 *
 * @param sizes bands from the smallest; each holds districts below its {@code below} (the last has none)
 * @param teams band id to a map of catalog role to the role as a district of that size names it
 * @param lines named numbers the rules read (poverty that infers cost, plausibility limits)
 */
public record Fit(List<Band> sizes, Map<String, Map<String, String>> teams, Map<String, Double> lines) {

    public static final Fit NONE = new Fit(List.of(), Map.of(), Map.of());

    /** A size band: districts of fewer than {@code below} students (null for the largest band). */
    public record Band(String id, Integer below) {
    }

    public Fit {
        sizes = List.copyOf(sizes);
        teams = Map.copyOf(teams);
        lines = Map.copyOf(lines);
    }

    /** The band of a district of this many students, or null when its size is unknown or no bands are set. */
    public String band(Integer students) {
        if (students == null) {
            return null;
        }
        for (Band b : sizes) {
            if (b.below() == null || students < b.below()) {
                return b.id();
            }
        }
        return null;
    }

    /** A catalog team as a district of this band names it: each role mapped, each person named once. */
    public List<String> team(List<String> catalog, String band) {
        Map<String, String> roles = band == null ? null : teams.get(band);
        if (roles == null || roles.isEmpty()) {
            return catalog;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String role : catalog) {
            out.add(roles.getOrDefault(role, role));
        }
        return new ArrayList<>(out);
    }
}
