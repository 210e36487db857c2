package org.equityadvisor.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Actual;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.NtiaField;
import org.equityadvisor.model.OutcomeProgress;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.ProgressReport;
import org.equityadvisor.model.ProgressStatus;
import org.equityadvisor.model.StepStatus;

/**
 * Carrying a plan out: step statuses and outcome figures written into the plan, where each outcome stands
 * against the straight line from baseline to target, what is due and overdue for each owner (and the same
 * as an iCalendar feed), the comparison with new advice, the yearly report, and the roll-up of a state's
 * plans into the fields of a State Digital Equity Plan. Every change returns a new plan.
 */
public final class Progress {

    private final KnowledgeBase kb;

    public Progress(KnowledgeBase kb) {
        this.kb = kb;
    }

    // --- records --------------------------------------------------------------------------------------

    /** A figure recorded: the new plan, the goals whose outcome got it, and any warning about the figure. */
    public record Recorded(Plan plan, List<String> goals, List<String> warnings) {
        public Recorded {
            goals = List.copyOf(goals);
            warnings = List.copyOf(warnings);
        }
    }

    /** One thing due: a step to finish or an outcome figure to report, its date, whether it is late, and whose it is. */
    public record Due(LocalDate date, boolean overdue, String owner, String goalId, String ref, Kind kind, String what) {
        public enum Kind { STEP, FIGURE }
    }

    /** A goal the new advice suggests that neither the plan nor its first advice had, and why. */
    public record Suggestion(String id, String title, String because) {
    }

    /** What changed between the advice a plan began with and new advice. */
    public record Review(String ruleSetBefore, String ruleSetNow, List<String> gapsClosed, List<String> newGaps, List<String> outcomesAchieved,
            List<String> goalsNoLongerSupported, List<Suggestion> newSuggestions, Assessment assessment, Advice advice) {
        public Review {
            gapsClosed = List.copyOf(gapsClosed);
            newGaps = List.copyOf(newGaps);
            outcomesAchieved = List.copyOf(outcomesAchieved);
            goalsNoLongerSupported = List.copyOf(goalsNoLongerSupported);
            newSuggestions = List.copyOf(newSuggestions);
        }

        public boolean changed() {
            return !gapsClosed.isEmpty() || !newGaps.isEmpty() || !outcomesAchieved.isEmpty() || !goalsNoLongerSupported.isEmpty() || !newSuggestions.isEmpty();
        }
    }

    /** One field of the State Digital Equity Plan over a state's plans. */
    public record FieldRow(String id, NtiaField.Kind kind, String title, int districts, int goals, int outcomes, Map<ProgressStatus, Integer> status,
            int stepsDone, int steps, List<String> sources) {
        public FieldRow {
            status = Map.copyOf(status);
            sources = List.copyOf(sources);
        }
    }

    /** One district's plan in a roll-up: counts only. */
    public record DistrictRow(String id, String name, String plan, int goals, int stepsDone, int steps, Map<ProgressStatus, Integer> outcomes,
            List<String> fields) {
        public DistrictRow {
            outcomes = Map.copyOf(outcomes);
            fields = List.copyOf(fields);
        }
    }

    /** A state's roll-up: the fields, each district, how many plans were of another state or of none. */
    public record Rollup(String state, LocalDate asOf, String ruleSet, int plans, int otherPlans, List<FieldRow> fields, List<DistrictRow> districts) {
        public Rollup {
            fields = List.copyOf(fields);
            districts = List.copyOf(districts);
        }

        /** One row a field, for a spreadsheet. */
        public String csv() {
            StringBuilder out = new StringBuilder("state,as_of,field,kind,title,districts,goals,outcomes,on_track,behind,achieved,no_data,steps_done,steps,sources\r\n");
            for (FieldRow f : fields) {
                out.append(String.join(",", state, asOf.toString(), f.id(), f.kind().name().toLowerCase(Locale.ROOT), csvCell(f.title()),
                        Integer.toString(f.districts()), Integer.toString(f.goals()), Integer.toString(f.outcomes()),
                        Integer.toString(f.status().get(ProgressStatus.ON_TRACK)), Integer.toString(f.status().get(ProgressStatus.BEHIND)),
                        Integer.toString(f.status().get(ProgressStatus.ACHIEVED)), Integer.toString(f.status().get(ProgressStatus.NO_DATA)),
                        Integer.toString(f.stepsDone()), Integer.toString(f.steps()), csvCell(String.join("; ", f.sources())))).append("\r\n");
            }
            return out.toString();
        }

        public String json() {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("state", state);
            root.put("asOf", asOf.toString());
            root.put("ruleSet", ruleSet);
            root.put("plans", plans);
            root.put("plansOfOtherStates", otherPlans);
            List<Object> objectives = new ArrayList<>();
            List<Object> populations = new ArrayList<>();
            for (FieldRow f : fields) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", f.id());
                row.put("title", f.title());
                row.put("districts", f.districts());
                row.put("goals", f.goals());
                row.put("outcomes", f.outcomes());
                row.put("outcomeStatus", statusMap(f.status()));
                row.put("stepsDone", f.stepsDone());
                row.put("steps", f.steps());
                row.put("sources", f.sources());
                (f.kind() == NtiaField.Kind.OBJECTIVE ? objectives : populations).add(row);
            }
            root.put("measurableObjectives", objectives);
            root.put("coveredPopulations", populations);
            List<Object> ds = new ArrayList<>();
            for (DistrictRow d : districts) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", d.id());
                row.put("name", d.name());
                row.put("plan", d.plan());
                row.put("goals", d.goals());
                row.put("stepsDone", d.stepsDone());
                row.put("steps", d.steps());
                row.put("outcomeStatus", statusMap(d.outcomes()));
                row.put("fields", d.fields());
                ds.add(row);
            }
            root.put("districts", ds);
            try {
                return JSON.writeValueAsString(root) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("maps of text and numbers are always writable", e);
            }
        }

        private static Map<String, Integer> statusMap(Map<ProgressStatus, Integer> status) {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (ProgressStatus s : ProgressStatus.values()) {
                out.put(s.name().toLowerCase(Locale.ROOT).replace('_', '-'), status.getOrDefault(s, 0));
            }
            return out;
        }

        private static String csvCell(String text) {
            return text.contains(",") || text.contains("\"") || text.contains("\n") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    // --- steps and figures ------------------------------------------------------------------------------

    /** Sets a step's status; a blocked step needs a note saying what blocks it. {@code who} and {@code on} are kept on the step. */
    public Plan setStatus(Plan plan, String goalId, String stepId, StepStatus status, String note, String who, LocalDate on) {
        return Tracking.status(plan, goalId, stepId, status, note, who, on);
    }

    /**
     * Records a figure for the outcome {@code outcomeKey} ({@code GM-01} or {@code GM-01/low-income}) of the goal
     * {@code goalId}, or, when it is null, of every goal that measures that outcome (one measurement). A percentage outside 0..100, or a figure about fewer than
     * ten students, is refused; a jump from the figure before is recorded with a warning.
     */
    public Recorded recordActual(Plan plan, String goalId, String outcomeKey, Actual actual) {
        return Tracking.actual(kb, plan, goalId, outcomeKey, actual);
    }

    /** Where each outcome stands on a day, in plan order. */
    public List<OutcomeProgress> outcomes(Plan plan, LocalDate asOf) {
        List<OutcomeProgress> out = new ArrayList<>();
        for (PlanGoal g : plan.goals()) {
            g.outcomes().forEach(o -> out.add(OutcomePath.of(kb, g.id(), o, plan.start(), asOf)));
        }
        return out;
    }

    // --- due dates --------------------------------------------------------------------------------------

    /** What is overdue on a day, and what falls due within the next reporting period; only one owner's when {@code role} is given. */
    public List<Due> due(Plan plan, LocalDate asOf, String role) {
        return DueDates.due(kb, plan, asOf, role);
    }

    /** The owners the plan names, for {@code --as}. */
    public List<String> owners(Plan plan) {
        return DueDates.owners(plan);
    }

    /**
     * The due dates of some plans as one iCalendar text: {@code plans} by a key that stays the same for a plan
     * (its store id or file name), which makes each event's UID; {@code stamp} is the day the feed is made.
     */
    public String calendar(String name, Map<String, Plan> plans, LocalDate stamp) {
        Map<String, List<Due>> byPlan = new LinkedHashMap<>();
        plans.forEach((key, plan) -> byPlan.put(key, DueDates.all(kb, plan, stamp)));
        return ICalendar.of(name, byPlan, stamp);
    }

    // --- re-advice, report, roll-up ---------------------------------------------------------------------

    /** The plan's first advice against the advice of new figures. */
    public Review review(Plan plan, Assessment now, Advice advice) {
        return Reviews.compare(kb, plan, now, advice);
    }

    /**
     * Accepts a review: the new figures become actuals of the outcomes they measure (dated {@code on}), and the
     * new assessment and advice become the plan's, so newly suggested goals can be accepted. The goals stay.
     */
    public Plan accept(Plan plan, Review review, String who, LocalDate on) {
        return Reviews.accept(plan, review, who, on);
    }

    /** The yearly report up to a day: the year before it, and where each outcome stands on it. */
    public ProgressReport report(Plan plan, LocalDate asOf) {
        return new ProgressReport(plan, asOf.minusYears(1).plusDays(1), asOf, outcomes(plan, asOf));
    }

    /** The plans of one state (by the two-letter code of their district) under the State Digital Equity Plan fields. */
    public Rollup rollup(String state, List<Plan> plans, LocalDate asOf) {
        return Rollups.of(kb, state, plans, asOf);
    }

    /** Parses a status as the CLI and API take it; the error names the field. */
    public static StepStatus status(String field, String text) {
        try {
            return StepStatus.parse(text);
        } catch (IllegalArgumentException e) {
            throw Tracking.problem(field, e.getMessage());
        }
    }
}
