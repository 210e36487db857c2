package org.equityadvisor.model;

/** Derived in the detect stage: the district rates itself low (1 or 2) on an indicator. */
public record Weakness(String indicator, int level, String note) {

    public static Weakness of(Answer answer) {
        return new Weakness(answer.indicator(), answer.level(), answer.note());
    }
}
