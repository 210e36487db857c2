package org.equityadvisor.model;

import java.util.List;

/** A partner type as the advice proposes it under a goal. */
public record SuggestedPartner(String id, String title, String description, double score, List<Reason> because, String confidence) {

    public SuggestedPartner {
        because = Lists.copy(because);
    }
}
