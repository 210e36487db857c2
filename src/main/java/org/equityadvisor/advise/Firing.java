package org.equityadvisor.advise;

import java.util.List;

/**
 * One rule firing in the trace: the rule, its stage, the facts it matched (as sentences) and what its
 * consequence added or removed.
 */
public record Firing(int order, String rule, String stage, List<String> matched, List<String> inserted, List<String> deleted) {

    public Firing {
        matched = List.copyOf(matched);
        inserted = List.copyOf(inserted);
        deleted = List.copyOf(deleted);
    }
}
