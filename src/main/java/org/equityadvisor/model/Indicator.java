package org.equityadvisor.model;

import java.util.List;
import java.util.Map;

/** A self-assessment item rated 1..4, with what each level looks like in a district. */
public record Indicator(
        String id,
        String title,
        Divide divide,
        List<String> components,
        Dimension dimension,
        String domain,
        Map<Integer, String> levels,
        List<String> sources) {

    private static final List<String> LEVEL_NAMES = List.of("Foundational", "Developing", "Established", "Advanced");

    public Indicator {
        components = Lists.copy(components);
        levels = Lists.copy(levels);
        sources = Lists.copy(sources);
    }

    public static String levelName(int level) {
        return level >= Answer.LOWEST && level <= Answer.HIGHEST ? LEVEL_NAMES.get(level - 1) : "level " + level;
    }

    public String describe(int level) {
        return levels.getOrDefault(level, "");
    }
}
