package org.equityadvisor.model;

import java.util.List;

/** A candidate goal with its ranked actions and partners; rank 1 is the most pressing. */
public record SuggestedGoal(
        String id,
        String title,
        String description,
        Divide divide,
        int rank,
        double score,
        List<Reason> because,
        List<SuggestedAction> actions,
        List<SuggestedPartner> partners) {

    public SuggestedGoal {
        because = Lists.copy(because);
        actions = Lists.copy(actions);
        partners = Lists.copy(partners);
    }
}
