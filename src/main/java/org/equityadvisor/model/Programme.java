package org.equityadvisor.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A federal or industry programme with its status. Ended programmes are data, not rule logic,
 * so a status change is an edit of programmes.yaml.
 */
public record Programme(String id, String name, String status, LocalDate ended, String caveat, String note, List<String> sources) {

    public static final String ENDED = "ended";

    public Programme {
        sources = Lists.copy(sources);
    }

    /** True when the programme no longer exists on that date. */
    public boolean endedBy(LocalDate date) {
        return ended != null && !ended.isAfter(date);
    }
}
