package org.equityadvisor.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The district an assessment describes. Only the name is required; the rest sharpens the advice
 * (enrollment turns percentages into students reached, {@code inPlace} stops the advisor suggesting
 * what the district already runs).
 */
public record District(
        String name,
        String id,
        String state,
        String locale,
        Integer enrollment,
        Integer schools,
        Double lowIncomePct,
        LocalDate planStart,
        List<String> inPlace) {

    public District {
        inPlace = Lists.copy(inPlace);
    }

    public static District named(String name) {
        return new District(name, null, null, null, null, null, null, null, List.of());
    }

    /** True when the district already runs this catalog action. */
    public boolean runs(String actionId) {
        return inPlace.contains(actionId);
    }
}
