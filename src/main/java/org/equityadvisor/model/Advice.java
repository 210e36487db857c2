package org.equityadvisor.model;

import java.util.List;
import java.util.stream.Stream;

/**
 * The engine's answer for one assessment: findings and ranked, explained goals, carrying the content
 * hash of the rule set that produced it; with how similar districts stand, when they were compared
 * (null otherwise, and then absent from the JSON). {@code language} is the language its sentences are in, when
 * not English ("es"); null, and absent from the JSON, for English, so English advice reads as it always did.
 */
public record Advice(String ruleSet, String district, List<Finding> findings, List<SuggestedGoal> goals, PeerFigures peers, String language) {

    public Advice {
        findings = Lists.copy(findings);
        goals = Lists.copy(goals);
    }

    public Advice(String ruleSet, String district, List<Finding> findings, List<SuggestedGoal> goals) {
        this(ruleSet, district, findings, goals, null, null);
    }

    public Advice(String ruleSet, String district, List<Finding> findings, List<SuggestedGoal> goals, PeerFigures peers) {
        this(ruleSet, district, findings, goals, peers, null);
    }

    /** Every goal, action and partner id the advice suggests. */
    public Stream<String> suggestedIds() {
        return goals.stream().flatMap(g -> Stream.concat(Stream.of(g.id()),
                Stream.concat(g.actions().stream().map(SuggestedAction::id), g.partners().stream().map(SuggestedPartner::id))));
    }
}
