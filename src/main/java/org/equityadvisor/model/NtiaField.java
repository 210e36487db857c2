package org.equityadvisor.model;

import java.util.List;

/**
 * A field of the NTIA State Digital Equity Plan that district plans roll up into (rules/ntia.yaml): one of
 * the five areas of measurable objectives, or a covered population. An objective gathers the plan goals,
 * divides and metrics that serve it; a population the student groups (and district locales) that belong to it.
 */
public record NtiaField(String id, Kind kind, String title, List<String> goals, List<String> metrics, List<String> groups,
        List<String> except, List<String> locales, List<String> sources) {

    public enum Kind { OBJECTIVE, POPULATION }

    public NtiaField {
        goals = Lists.copy(goals);
        metrics = Lists.copy(metrics);
        groups = Lists.copy(groups);
        except = Lists.copy(except);
        locales = Lists.copy(locales);
        sources = Lists.copy(sources);
    }

    /** True when a student group belongs to this population: by id, or by family ({@code race:*}) less the exceptions. */
    public boolean covers(String group) {
        return group != null && !except.contains(group) && groups.stream().anyMatch(g -> g.equals(group) || g.endsWith(":*") && group.startsWith(g.substring(0, g.length() - 1)));
    }
}
