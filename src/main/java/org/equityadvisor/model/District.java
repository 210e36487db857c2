package org.equityadvisor.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The district an assessment describes. Only the name is required; the rest sharpens the advice
 * (enrollment turns percentages into students reached, {@code inPlace} stops the advisor suggesting
 * what the district already runs; {@code studentDevices}, the learning devices it provides to students, is read
 * against a one-to-one claim).
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
        List<String> inPlace,
        Integer studentDevices) {

    public District {
        inPlace = Lists.copy(inPlace);
    }

    /** A district whose student device count is not given. */
    public District(String name, String id, String state, String locale, Integer enrollment, Integer schools, Double lowIncomePct,
            LocalDate planStart, List<String> inPlace) {
        this(name, id, state, locale, enrollment, schools, lowIncomePct, planStart, inPlace, null);
    }

    public static District named(String name) {
        return new District(name, null, null, null, null, null, null, null, List.of());
    }

    /** True when the district counts fewer student devices than {@code perStudent} for each student enrolled (false when either is not given). */
    public boolean devicesBelow(double perStudent) {
        return studentDevices != null && enrollment != null && studentDevices < enrollment * perStudent;
    }

    /** True when the district already runs this catalog action. */
    public boolean runs(String actionId) {
        return inPlace.contains(actionId);
    }
}
