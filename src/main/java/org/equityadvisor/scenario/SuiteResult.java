package org.equityadvisor.scenario;

import java.util.List;

/** Every scenario's result and what the suite as a whole left unexercised. */
public record SuiteResult(List<ScenarioResult> results, Coverage coverage) {

    public SuiteResult {
        results = List.copyOf(results);
    }

    public long passed() {
        return results.stream().filter(ScenarioResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }
}
