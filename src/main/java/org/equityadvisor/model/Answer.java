package org.equityadvisor.model;

/** The district's self-rating on one indicator: 1 Foundational, 2 Developing, 3 Established, 4 Advanced. */
public record Answer(String indicator, int level, String note) {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 4;

    public Answer(String indicator, int level) {
        this(indicator, level, null);
    }
}
