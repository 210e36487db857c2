package org.equityadvisor.model;

import java.util.List;

/** A partner type of the catalog and the goals it typically serves. */
public record Partner(String id, String title, String description, List<String> goals, List<String> sources) {

    public Partner {
        goals = Lists.copy(goals);
        sources = Lists.copy(sources);
    }
}
