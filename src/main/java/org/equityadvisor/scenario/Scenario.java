package org.equityadvisor.scenario;

import java.util.List;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Problem;

/**
 * A district case with its expectations. A scenario file that cannot be read is kept with its problems,
 * so one broken file fails itself and not the whole suite.
 */
public record Scenario(String name, String file, String description, Assessment assessment, Expectations expect, List<Problem> problems) {

    public Scenario {
        problems = List.copyOf(problems);
    }

    public boolean readable() {
        return problems.isEmpty();
    }
}
