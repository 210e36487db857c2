package org.equityadvisor.scenario;

import java.util.List;

/**
 * The outcome of one scenario: each failure is a sentence saying what was expected and what happened;
 * {@code fired} names the rules that fired for it, in order, without repeats.
 */
public record ScenarioResult(Scenario scenario, List<String> failures, List<String> fired) {

    public ScenarioResult {
        failures = List.copyOf(failures);
        fired = List.copyOf(fired);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
