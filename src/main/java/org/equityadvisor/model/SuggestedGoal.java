package org.equityadvisor.model;

import java.util.List;

/**
 * A candidate goal with its ranked actions and partners; rank 1 is the most pressing. Goals of equal score
 * are ordered by studentsReached (the most of its actions; null when the district's size is unknown), then id.
 */
public record SuggestedGoal(
        String id,
        String title,
        String description,
        Divide divide,
        int rank,
        double score,
        List<Reason> because,
        List<SuggestedAction> actions,
        List<SuggestedPartner> partners,
        Integer studentsReached) {

    public SuggestedGoal(String id, String title, String description, Divide divide, int rank, double score, List<Reason> because,
            List<SuggestedAction> actions, List<SuggestedPartner> partners) {
        this(id, title, description, divide, rank, score, because, actions, partners, null);
    }

    public SuggestedGoal {
        because = Lists.copy(because);
        actions = Lists.copy(actions);
        partners = Lists.copy(partners);
    }
}
