package org.equityadvisor.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One action step of a plan goal: what is done, who leads it, who helps, when, and how far it has got. The
 * status is a {@link StepStatus} code; {@code note} says why a step is blocked (or anything its owner adds),
 * and {@code updatedBy}/{@code updated} who last changed its status and on which day. The plan's saved
 * versions keep every earlier change. The last three are optional, so round-1 plans read unchanged.
 */
public record ActionStep(
        String id,
        String description,
        String owner,
        List<String> team,
        LocalDate start,
        LocalDate due,
        String status,
        String note,
        String updatedBy,
        LocalDate updated) {

    public static final String PLANNED = StepStatus.NOT_STARTED.code();
    public static final String IN_PROGRESS = StepStatus.IN_PROGRESS.code();
    public static final String DONE = StepStatus.DONE.code();
    public static final String BLOCKED = StepStatus.BLOCKED.code();
    public static final Set<String> STATUSES = Set.of(PLANNED, IN_PROGRESS, DONE, BLOCKED);

    public ActionStep {
        team = Lists.copy(team);
        status = status == null ? PLANNED : status;
    }

    public ActionStep(String id, String description, String owner, List<String> team, LocalDate start, LocalDate due, String status) {
        this(id, description, owner, team, start, due, status, null, null, null);
    }

    /** The status as the enum; a code no status has (a hand edit) reads as not started, and PlanFile reports it. */
    public StepStatus stepStatus() {
        for (StepStatus s : StepStatus.values()) {
            if (s.code().equals(status)) {
                return s;
            }
        }
        return StepStatus.NOT_STARTED;
    }

    public ActionStep withStatus(StepStatus newStatus, String newNote, String by, LocalDate on) {
        return new ActionStep(id, description, owner, team, start, due, newStatus.code(), newNote, by, on);
    }
}
