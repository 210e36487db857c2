package org.equityadvisor.scenario;

import java.util.List;

/** The outcome of one scenario: each failure is a sentence saying what was expected and what happened. */
public record ScenarioResult(Scenario scenario, List<String> failures) {

    public ScenarioResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
