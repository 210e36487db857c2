package org.equityadvisor.model;

import java.util.Objects;

/**
 * One thing wrong with a document, named by its place so a user can find it: a JSON path
 * ({@code measures[3].value}), a file and line ({@code catalog/actions.yaml:42}), or both.
 */
public record Problem(String place, String message) implements Comparable<Problem> {

    public Problem {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(Problem other) {
        return PlaceOrder.COMPARATOR.compare(this, other);
    }

    @Override
    public String toString() {
        return place.isEmpty() ? message : place + ": " + message;
    }
}
