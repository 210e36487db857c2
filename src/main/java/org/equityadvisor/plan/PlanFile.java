package org.equityadvisor.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.PlanOutcome;
import org.equityadvisor.model.PlanPartner;
import org.equityadvisor.model.Problem;

/**
 * A plan as a JSON file: written with a stable field order, read back into an equal plan. A file broken or
 * edited by hand is refused with the field, and the line where the parser knows it, of every problem found.
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
            .build();

    private PlanFile() {
    }

    public static String write(Plan plan) {
        try {
            return JSON.writeValueAsString(plan) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan is always writable as JSON", e);
        }
    }

    /** Reads a plan; {@code name} (the file name) starts every problem. */
    public static Plan read(String name, String text) {
        Plan plan;
        try {
            plan = JSON.readValue(text, Plan.class);
        } catch (JsonMappingException e) {
            throw new InputException(name, new Problem(place(name, e.getLocation(), path(e)), message(e)));
        } catch (JsonProcessingException e) {
            throw new InputException(name, new Problem(place(name, e.getLocation(), null), "is not valid JSON: " + e.getOriginalMessage()));
        }
        if (plan == null) {
            throw new InputException(name, new Problem(name, "is empty"));
        }
        List<Problem> problems = check(name, plan);
        if (!problems.isEmpty()) {
            throw new InputException(name, problems);
        }
        return plan;
    }

    /** Every field a plan needs, each missing or wrong one named by its path. */
    static List<Problem> check(String name, Plan plan) {
        List<Problem> problems = new ArrayList<>();
        required(problems, name, "title", plan.title());
        required(problems, name, "district", plan.district());
        if (plan.start() == null) {
            problems.add(new Problem(name + ": start", "is required (YYYY-MM-DD)"));
        }
        Set<String> ids = new HashSet<>();
        for (int g = 0; g < plan.goals().size(); g++) {
            PlanGoal goal = plan.goals().get(g);
            String at = "goals[" + g + "]";
            if (goal == null) {
                problems.add(new Problem(name + ": " + at, "is empty"));
                continue;
            }
            required(problems, name, at + ".id", goal.id());
            if (goal.id() != null && !ids.add(goal.id())) {
                problems.add(new Problem(name + ": " + at + ".id", goal.id() + " is used by another goal"));
            }
            required(problems, name, at + ".statement", goal.statement());
            if (goal.divide() == null) {
                problems.add(new Problem(name + ": " + at + ".divide", "is required (ACCESS, USE or DESIGN)"));
            }
            for (int s = 0; s < goal.steps().size(); s++) {
                ActionStep step = goal.steps().get(s);
                String sat = at + ".steps[" + s + "]";
                required(problems, name, sat + ".description", step.description());
                if (!ActionStep.STATUSES.contains(step.status())) {
                    problems.add(new Problem(name + ": " + sat + ".status", "'" + step.status() + "' is not one of "
                            + ActionStep.STATUSES.stream().sorted().collect(Collectors.joining(", "))));
                }
            }
            for (int p = 0; p < goal.partners().size(); p++) {
                PlanPartner partner = goal.partners().get(p);
                required(problems, name, at + ".partners[" + p + "].name", partner.name());
            }
            for (int o = 0; o < goal.outcomes().size(); o++) {
                PlanOutcome outcome = goal.outcomes().get(o);
                required(problems, name, at + ".outcomes[" + o + "].metric", outcome.metric());
                required(problems, name, at + ".outcomes[" + o + "].group", outcome.group());
            }
        }
        return problems;
    }

    private static void required(List<Problem> problems, String name, String path, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(name + ": " + path, "is required"));
        }
    }

    private static String place(String name, JsonLocation location, String path) {
        String where = location == null || location.getLineNr() < 1 ? name : name + ":" + location.getLineNr() + ":" + location.getColumnNr();
        return path == null || path.isEmpty() ? where : where + ": " + path;
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
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> type = f.getTargetType();
            String value = "'" + f.getValue() + "'";
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
        return e.getOriginalMessage();
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
