package org.equityadvisor.scenario;

import java.util.List;

/**
 * What no scenario exercised: rules that never fired, rules no scenario shows as a near miss
 * ({@code notFired}), and catalog entries never suggested.
 */
public record Coverage(List<String> rulesNeverFired, List<String> rulesWithoutNearMiss, List<String> entriesNeverSuggested) {

    public Coverage {
        rulesNeverFired = List.copyOf(rulesNeverFired);
        rulesWithoutNearMiss = List.copyOf(rulesWithoutNearMiss);
        entriesNeverSuggested = List.copyOf(entriesNeverSuggested);
    }

    public boolean complete() {
        return rulesNeverFired.isEmpty() && rulesWithoutNearMiss.isEmpty() && entriesNeverSuggested.isEmpty();
    }
}
