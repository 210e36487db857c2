package org.equityadvisor.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** One action step of a plan goal: what is done, who leads it, who helps, when, and how far it has got. */
public record ActionStep(
        String id,
        String description,
        String owner,
        List<String> team,
        LocalDate start,
        LocalDate due,
        String status) {

    public static final String PLANNED = "planned";
    public static final String IN_PROGRESS = "in-progress";
    public static final String DONE = "done";
    public static final Set<String> STATUSES = Set.of(PLANNED, IN_PROGRESS, DONE);

    public ActionStep {
        team = Lists.copy(team);
        status = status == null ? PLANNED : status;
    }
}
