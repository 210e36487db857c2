package org.equityadvisor.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.equityadvisor.knowledge.YamlDocument;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.Actual;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.InputLimits;
import org.equityadvisor.model.Outcome;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.PlanOutcome;
import org.equityadvisor.model.PlanPartner;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.Reason;
import org.equityadvisor.model.SuggestedAction;
import org.equityadvisor.model.SuggestedGoal;

/**
 * A plan as a JSON file: written with a stable field order, read back into an equal plan. A file broken or
 * edited by hand is refused with the line and field of every problem found: malformed JSON, wrong types,
 * missing or unknown fields, and anything beyond {@link InputLimits} (texts too long or unprintable, dates
 * outside 1990..2100, too many goals or steps). A plan the library drafts is held to the same check, so every
 * plan it writes reads back.
 */
public final class PlanFile {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A figure or a date written as text ("NaN", "12") or a date as a day count is a hand edit gone wrong.
            .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.DateTime, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .build();

    /** Figures one outcome may keep: fifty years of monthly reports. */
    static final int ACTUALS = 600;

    private PlanFile() {
    }

    public static String write(Plan plan) {
        try {
            return JSON.writeValueAsString(plan) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan is always writable as JSON", e);
        }
    }

    /** Reads a plan; {@code name} (the file name) starts every problem, followed by the line and the field. */
    public static Plan read(String name, String text) {
        YamlDocument doc = YamlDocument.parseJson(name, text);
        Plan plan;
        try {
            plan = JSON.treeToValue(doc.root(), Plan.class);
        } catch (JsonMappingException e) {
            throw new InputException(name, new Problem(doc.place(path(e)), message(e)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InputException(name, new Problem(doc.place(""), "is not a plan: " + firstLine(e.getMessage())));
        }
        if (plan == null) {
            throw new InputException(name, new Problem(name + ":1", "is empty"));
        }
        List<Problem> problems = problems(plan).stream().map(p -> new Problem(doc.place(p.place()), p.message())).toList();
        if (!problems.isEmpty()) {
            throw new InputException(name, problems);
        }
        return plan;
    }

    /**
     * Every problem of a plan, each named by its path ({@code goals[1].steps[0].due}): what a plan file must
     * satisfy, and what the edits of {@link DraftPlan} keep.
     */
    public static List<Problem> problems(Plan plan) {
        Check c = new Check();
        c.text("title", plan.title(), InputLimits.TITLE, true);
        c.text("district", plan.district(), InputLimits.NAME, true);
        if (plan.start() == null) {
            c.add("start", "is required (YYYY-MM-DD)");
        } else {
            c.date("start", plan.start(), InputLimits.LAST_START);
        }
        c.text("overview", plan.overview(), InputLimits.LONG_TEXT, false);
        c.text("reflection", plan.reflection(), InputLimits.LONG_TEXT, false);
        c.text("ruleSet", plan.ruleSet(), InputLimits.ID, false);
        if (c.count("goals", plan.goals().size(), InputLimits.GOALS)) {
            Set<String> ids = new HashSet<>();
            for (int g = 0; g < plan.goals().size(); g++) {
                goal(c, "goals[" + g + "]", plan.goals().get(g), ids);
            }
        }
        if (plan.assessment() != null) {
            assessment(c, plan.assessment());
        }
        if (plan.advice() != null) {
            advice(c, plan.advice());
        }
        return c.problems;
    }

    private static void goal(Check c, String at, PlanGoal goal, Set<String> ids) {
        if (goal == null) {
            c.add(at, "is empty");
            return;
        }
        c.text(at + ".id", goal.id(), InputLimits.ID, true);
        if (goal.id() != null && !ids.add(goal.id())) {
            c.add(at + ".id", InputLimits.quote(goal.id()) + " is used by another goal");
        }
        c.text(at + ".statement", goal.statement(), InputLimits.TITLE, true);
        if (goal.divide() == null) {
            c.add(at + ".divide", "is required (ACCESS, USE or DESIGN)");
        }
        c.text(at + ".who", goal.who(), InputLimits.SENTENCE, false);
        if (c.count(at + ".steps", goal.steps().size(), InputLimits.GOAL_ITEMS)) {
            for (int s = 0; s < goal.steps().size(); s++) {
                step(c, at + ".steps[" + s + "]", goal.steps().get(s));
            }
        }
        if (c.count(at + ".partners", goal.partners().size(), InputLimits.GOAL_ITEMS)) {
            for (int p = 0; p < goal.partners().size(); p++) {
                PlanPartner partner = goal.partners().get(p);
                String pat = at + ".partners[" + p + "]";
                c.text(pat + ".id", partner.id(), InputLimits.ID, false);
                c.text(pat + ".name", partner.name(), InputLimits.NAME, true);
                c.text(pat + ".role", partner.role(), InputLimits.SENTENCE, false);
            }
        }
        if (c.count(at + ".outcomes", goal.outcomes().size(), InputLimits.GOAL_ITEMS)) {
            for (int o = 0; o < goal.outcomes().size(); o++) {
                PlanOutcome outcome = goal.outcomes().get(o);
                String oat = at + ".outcomes[" + o + "]";
                c.text(oat + ".metric", outcome.metric(), InputLimits.ID, true);
                c.text(oat + ".group", outcome.group(), InputLimits.ID, true);
                c.figure(oat + ".baseline", outcome.baseline());
                c.figure(oat + ".target", outcome.target());
                c.date(oat + ".targetDate", outcome.targetDate(), InputLimits.LAST_DATE);
                c.text(oat + ".dataSource", outcome.dataSource(), InputLimits.SENTENCE, false);
                c.text(oat + ".text", outcome.text(), InputLimits.SENTENCE, false);
                if (c.count(oat + ".actuals", outcome.actuals().size(), ACTUALS)) {
                    for (int a = 0; a < outcome.actuals().size(); a++) {
                        actual(c, oat + ".actuals[" + a + "]", outcome.actuals().get(a));
                    }
                }
            }
        }
    }

    private static void actual(Check c, String at, Actual actual) {
        if (actual == null) {
            c.add(at, "is empty");
            return;
        }
        if (actual.date() == null) {
            c.add(at + ".date", "is required (YYYY-MM-DD)");
        } else {
            c.date(at + ".date", actual.date(), InputLimits.LAST_DATE);
        }
        c.figure(at + ".value", actual.value());
        if (actual.n() != null && actual.n() <= 0) {
            c.add(at + ".n", actual.n() + " is not a count: n counts the students or answers behind the figure, at least 1");
        }
        c.text(at + ".source", actual.source(), InputLimits.SENTENCE, false);
        c.text(at + ".who", actual.who(), InputLimits.NAME, false);
    }

    private static void step(Check c, String at, ActionStep step) {
        c.text(at + ".id", step.id(), InputLimits.ID, false);
        c.text(at + ".description", step.description(), InputLimits.SENTENCE, true);
        c.text(at + ".owner", step.owner(), InputLimits.NAME, false);
        if (c.count(at + ".team", step.team().size(), InputLimits.LIST_ITEMS)) {
            for (int t = 0; t < step.team().size(); t++) {
                c.text(at + ".team[" + t + "]", step.team().get(t), InputLimits.NAME, true);
            }
        }
        c.date(at + ".start", step.start(), InputLimits.LAST_DATE);
        c.date(at + ".due", step.due(), InputLimits.LAST_DATE);
        c.text(at + ".note", step.note(), InputLimits.SENTENCE, false);
        c.text(at + ".updatedBy", step.updatedBy(), InputLimits.NAME, false);
        c.date(at + ".updated", step.updated(), InputLimits.LAST_DATE);
        if (!ActionStep.STATUSES.contains(step.status())) {
            c.add(at + ".status", InputLimits.quote(step.status()) + " is not one of "
                    + ActionStep.STATUSES.stream().sorted().collect(Collectors.joining(", ")));
        }
    }

    /**
     * The assessment the plan was drafted from: the edits look figures up by metric and group, so those must
     * be there; the rest was checked when it was read.
     */
    private static void assessment(Check c, Assessment a) {
        if (a.district() == null) {
            c.add("assessment.district", "is required");
        } else {
            c.text("assessment.district.name", a.district().name(), InputLimits.NAME, true);
        }
        if (c.count("assessment.measures", a.measures().size(), InputLimits.MEASURES)) {
            for (int m = 0; m < a.measures().size(); m++) {
                c.text("assessment.measures[" + m + "].metric", a.measures().get(m).metric(), InputLimits.ID, true);
                c.figure("assessment.measures[" + m + "].value", a.measures().get(m).value());
            }
        }
        if (c.count("assessment.answers", a.answers().size(), InputLimits.LIST_ITEMS)) {
            for (int i = 0; i < a.answers().size(); i++) {
                c.text("assessment.answers[" + i + "].indicator", a.answers().get(i).indicator(), InputLimits.ID, true);
            }
        }
    }

    /** The advice the plan was drafted from: accepting more of it needs its ids, timelines and outcomes. */
    private static void advice(Check c, Advice advice) {
        if (!c.count("advice.goals", advice.goals().size(), InputLimits.GOALS)) {
            return;
        }
        for (int g = 0; g < advice.goals().size(); g++) {
            SuggestedGoal goal = advice.goals().get(g);
            String at = "advice.goals[" + g + "]";
            c.text(at + ".id", goal.id(), InputLimits.ID, true);
            c.text(at + ".title", goal.title(), InputLimits.TITLE, true);
            if (goal.divide() == null) {
                c.add(at + ".divide", "is required (ACCESS, USE or DESIGN)");
            }
            reasons(c, at, goal.because());
            if (c.count(at + ".actions", goal.actions().size(), InputLimits.GOAL_ITEMS)) {
                for (int a = 0; a < goal.actions().size(); a++) {
                    action(c, at + ".actions[" + a + "]", goal.actions().get(a));
                }
            }
            if (c.count(at + ".partners", goal.partners().size(), InputLimits.GOAL_ITEMS)) {
                for (int p = 0; p < goal.partners().size(); p++) {
                    c.text(at + ".partners[" + p + "].id", goal.partners().get(p).id(), InputLimits.ID, true);
                }
            }
        }
    }

    private static void action(Check c, String at, SuggestedAction action) {
        c.text(at + ".id", action.id(), InputLimits.ID, true);
        c.text(at + ".title", action.title(), InputLimits.SENTENCE, true);
        if (action.timeline() == null) {
            c.add(at + ".timeline", "is required (startMonth and months)");
        } else {
            c.months(at + ".timeline.startMonth", action.timeline().startMonth(), 0);
            c.months(at + ".timeline.months", action.timeline().months(), 1);
        }
        if (c.count(at + ".team", action.team().size(), InputLimits.LIST_ITEMS)) {
            for (int t = 0; t < action.team().size(); t++) {
                c.text(at + ".team[" + t + "]", action.team().get(t), InputLimits.NAME, true);
            }
        }
        if (c.count(at + ".partners", action.partners().size(), InputLimits.LIST_ITEMS)) {
            for (int p = 0; p < action.partners().size(); p++) {
                c.text(at + ".partners[" + p + "]", action.partners().get(p), InputLimits.ID, true);
            }
        }
        Outcome o = action.outcome();
        if (o != null) {
            c.text(at + ".outcome.metric", o.metric(), InputLimits.ID, true);
            c.text(at + ".outcome.group", o.group(), InputLimits.ID, true);
            c.figure(at + ".outcome.baseline", o.baseline());
            c.figure(at + ".outcome.target", o.target());
            c.months(at + ".outcome.months", o.months(), 0);
        }
        reasons(c, at, action.because());
    }

    private static void reasons(Check c, String at, List<Reason> because) {
        if (c.count(at + ".because", because.size(), InputLimits.LIST_ITEMS)) {
            for (int r = 0; r < because.size(); r++) {
                c.text(at + ".because[" + r + "].text", because.get(r).text(), InputLimits.LONG_TEXT, true);
            }
        }
    }

    /** The problems found so far, and the checks that add to them. */
    private static final class Check {

        private final List<Problem> problems = new ArrayList<>();

        void add(String path, String message) {
            problems.add(new Problem(path, message));
        }

        void text(String path, String value, InputLimits.Text kind, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    add(path, "is required");
                }
                return;
            }
            String wrong = kind.problem(value);
            if (wrong != null) {
                add(path, wrong);
            }
        }

        void date(String path, LocalDate date, LocalDate last) {
            String wrong = InputLimits.dateProblem(date, last);
            if (wrong != null) {
                add(path, wrong);
            }
        }

        void figure(String path, Double value) {
            String wrong = value == null ? null : InputLimits.figureProblem(value);
            if (wrong != null) {
                add(path, wrong);
            }
        }

        void months(String path, int months, int least) {
            if (months < least || months > InputLimits.MONTHS) {
                add(path, months + " is outside " + least + ".." + InputLimits.MONTHS + " (months from the plan's start)");
            }
        }

        /** False, with a problem, when a list has more entries than it may. */
        boolean count(String path, int size, int max) {
            if (size > max) {
                add(path, InputLimits.tooMany(size, max, "entries"));
                return false;
            }
            return true;
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int cut = text.indexOf('\n');
        return cut < 0 ? text : text.substring(0, cut).strip();
    }

    /** The JSON path of a binding error: goals[1].steps[0].start. */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String message(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field " + InputLimits.quote(u.getPropertyName());
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> type = f.getTargetType();
            String value = InputLimits.quote(String.valueOf(f.getValue()));
            if (type == java.time.LocalDate.class) {
                return value + " is not a date (YYYY-MM-DD)";
            }
            if (type != null && type.isEnum()) {
                return value + " is not one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
            }
            return value + " is not a " + simple(type);
        }
        if (e instanceof ValueInstantiationException) {
            return "contains an empty (null) entry";
        }
        if (e instanceof MismatchedInputException m) {
            String type = simple(m.getTargetType());
            return "expected " + (type.equals("list") ? "a list" : type.equals("text") ? "text" : "a " + type) + " here";
        }
        if (e.getCause() instanceof java.time.DateTimeException) {
            return "is not a date (YYYY-MM-DD)";
        }
        if (e.getCause() instanceof InputCoercionException) {
            return "is out of range for a whole number";
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String simple(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "list";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Double.class || type == double.class || type == Integer.class || type == int.class) {
            return "number";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        return type.isRecord() ? "object" : type.getSimpleName();
    }
}
