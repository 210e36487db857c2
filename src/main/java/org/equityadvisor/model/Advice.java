package org.equityadvisor.model;

import java.util.List;
import java.util.stream.Stream;

/**
 * The engine's answer for one assessment: findings and ranked, explained goals, carrying the content
 * hash of the rule set that produced it; with how similar districts stand, when they were compared
 * (null otherwise, and then absent from the JSON).
 */
public record Advice(String ruleSet, String district, List<Finding> findings, List<SuggestedGoal> goals, PeerFigures peers) {

    public Advice {
        findings = Lists.copy(findings);
        goals = Lists.copy(goals);
    }

    public Advice(String ruleSet, String district, List<Finding> findings, List<SuggestedGoal> goals) {
        this(ruleSet, district, findings, goals, null);
    }

    /** Every goal, action and partner id the advice suggests. */
    public Stream<String> suggestedIds() {
        return goals.stream().flatMap(g -> Stream.concat(Stream.of(g.id()),
                Stream.concat(g.actions().stream().map(SuggestedAction::id), g.partners().stream().map(SuggestedPartner::id))));
    }
}
