package org.equityadvisor.model;

import java.util.List;

/**
 * An action step as the advice proposes it, with its reasons and any programme caveats. Confidence is "low"
 * when it rests only on uncertain figures; scaleUp is true for a step the district already runs but whose
 * severe gap persists. studentsReached is how many students the gaps behind it concern (null when the
 * district's size is not known).
 */
public record SuggestedAction(
        String id,
        String title,
        String description,
        Timeline timeline,
        List<String> team,
        List<String> partners,
        Outcome outcome,
        double score,
        List<Reason> because,
        List<String> caveats,
        String confidence,
        Boolean scaleUp,
        Integer studentsReached) {

    public SuggestedAction(String id, String title, String description, Timeline timeline, List<String> team, List<String> partners, Outcome outcome,
            double score, List<Reason> because, List<String> caveats, String confidence, Boolean scaleUp) {
        this(id, title, description, timeline, team, partners, outcome, score, because, caveats, confidence, scaleUp, null);
    }

    public SuggestedAction {
        team = Lists.copy(team);
        partners = Lists.copy(partners);
        because = Lists.copy(because);
        caveats = Lists.copy(caveats);
    }
}
