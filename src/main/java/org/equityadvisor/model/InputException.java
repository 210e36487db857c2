package org.equityadvisor.model;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: every problem of the document at once, each with its place. Users see the message, never a trace. */
public class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InputException(String document, List<Problem> problems) {
        super(message(document, problems));
        this.problems = problems.stream().sorted().toList();
    }

    public InputException(String document, Problem problem) {
        this(document, List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(String document, List<Problem> problems) {
        String head = problems.size() == 1 ? document + " has 1 problem:" : document + " has " + problems.size() + " problems:";
        return problems.stream().sorted().map(p -> "  " + p).collect(Collectors.joining("\n", head + "\n", ""));
    }
}
