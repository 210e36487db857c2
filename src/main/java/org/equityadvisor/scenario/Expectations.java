package org.equityadvisor.scenario;

import java.util.List;

/**
 * What a scenario's {@code expect:} block asks of the advice, written from the sources before the engine
 * is run: ids that must (or must not) be suggested, optionally because of a named rule; goals among the
 * first n; findings that must (or must not) appear; rules that must (or must not) fire.
 */
record Expectations(
        List<Expected> suggest,
        List<String> notSuggest,
        int topN,
        List<String> topGoals,
        List<FindingPattern> findings,
        List<FindingPattern> noFindings,
        List<String> fired,
        List<String> notFired) {

    /** An id that must be suggested, and the rule that must be among its reasons (may be null). */
    record Expected(String id, String rule) {
    }

    /** A finding to look for; null fields match anything. */
    record FindingPattern(String kind, String id, String group, String severity, String confidence) {

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(kind + " " + id);
            if (group != null) {
                out.append(" for ").append(group);
            }
            if (severity != null) {
                out.append(" (").append(severity).append(")");
            }
            if (confidence != null) {
                out.append(" [").append(confidence).append(" confidence]");
            }
            return out.toString();
        }
    }

    Expectations {
        suggest = List.copyOf(suggest);
        notSuggest = List.copyOf(notSuggest);
        topGoals = List.copyOf(topGoals);
        findings = List.copyOf(findings);
        noFindings = List.copyOf(noFindings);
        fired = List.copyOf(fired);
        notFired = List.copyOf(notFired);
    }

    boolean empty() {
        return suggest.isEmpty() && notSuggest.isEmpty() && topGoals.isEmpty() && findings.isEmpty() && noFindings.isEmpty()
                && fired.isEmpty() && notFired.isEmpty();
    }
}
