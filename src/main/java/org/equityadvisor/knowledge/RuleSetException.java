package org.equityadvisor.knowledge;

import java.util.List;
import java.util.stream.Collectors;
import org.equityadvisor.model.Problem;

/** A rule set that cannot be used, with every problem found, each naming its file and line. */
public class RuleSetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public RuleSetException(String origin, List<Problem> problems) {
        super(message(origin, problems));
        this.problems = problems.stream().sorted().toList();
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(String origin, List<Problem> problems) {
        String head = "The rule set in " + origin + " cannot be used: " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems");
        return problems.stream().sorted().map(p -> "  " + p).collect(Collectors.joining("\n", head + "\n", ""));
    }
}
