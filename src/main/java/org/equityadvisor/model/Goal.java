package org.equityadvisor.model;

import java.util.List;

/** A candidate plan goal of the catalog. */
public record Goal(String id, String title, String description, Divide divide, Dimension dimension, List<String> sources) {

    public Goal {
        sources = Lists.copy(sources);
    }
}
