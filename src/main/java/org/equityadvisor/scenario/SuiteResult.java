package org.equityadvisor.scenario;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every scenario's result, the result of every case generated from the trigger table (a firing case and
 * near misses per row), and what the suite as a whole left unexercised.
 */
public record SuiteResult(List<ScenarioResult> results, List<ScenarioResult> generated, Coverage coverage) {

    public SuiteResult {
        results = List.copyOf(results);
        generated = List.copyOf(generated);
    }

    /** Scenarios and generated cases that passed. */
    public long passed() {
        return Stream.concat(results.stream(), generated.stream()).filter(ScenarioResult::passed).count();
    }

    public long failed() {
        return results.size() + generated.size() - passed();
    }

    /** Generated near misses (cases where a row's rule must not fire). */
    public long nearMisses() {
        return generated.stream().filter(r -> !r.scenario().expect().notFired().isEmpty()).count();
    }
}
