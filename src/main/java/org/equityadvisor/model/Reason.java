package org.equityadvisor.model;

import java.util.List;

/**
 * Why something was suggested: the rule that fired, the ids of the sources it cites, and one plain
 * sentence naming the facts it matched.
 */
public record Reason(String rule, List<String> sources, String text) {

    public Reason {
        sources = Lists.copy(sources);
    }
}
