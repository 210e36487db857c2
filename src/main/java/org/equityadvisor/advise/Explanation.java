package org.equityadvisor.advise;

import java.util.List;
import org.equityadvisor.model.Advice;

/** The advice together with the whole trace that produced it: every firing in order, every decision. */
public record Explanation(Advice advice, List<Firing> firings, List<Decision> decisions) {

    public Explanation {
        firings = List.copyOf(firings);
        decisions = List.copyOf(decisions);
    }
}
