package org.equityadvisor.model;

import java.util.List;

/** A candidate action step of the catalog, with everything a plan needs to adopt it. */
public record Action(
        String id,
        String title,
        String description,
        String goal,
        Divide divide,
        List<String> components,
        Dimension dimension,
        Timeline timeline,
        List<String> team,
        List<String> partners,
        List<String> indicators,
        OutcomeTemplate outcome,
        List<String> programmes,
        List<String> sources) {

    public Action {
        components = Lists.copy(components);
        team = Lists.copy(team);
        partners = Lists.copy(partners);
        indicators = Lists.copy(indicators);
        programmes = Lists.copy(programmes);
        sources = Lists.copy(sources);
    }
}
