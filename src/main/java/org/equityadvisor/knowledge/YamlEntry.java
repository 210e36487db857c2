package org.equityadvisor.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.equityadvisor.model.InputLimits;
import org.equityadvisor.model.Problem;

/**
 * Typed, forgiving access to one object of a {@link YamlDocument}: every wrong or missing field becomes a
 * {@link Problem} naming file, line and path, and reading goes on, so a user sees all problems at once.
 */
public final class YamlEntry {

    private final YamlDocument doc;
    private final JsonNode node;
    private final String path;
    private final List<Problem> problems;

    private YamlEntry(YamlDocument doc, JsonNode node, String path, List<Problem> problems) {
        this.doc = doc;
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** Reads an object, reporting any field not in {@code allowed} (typos must not pass silently). */
    public static YamlEntry of(YamlDocument doc, JsonNode node, String path, List<Problem> problems, Set<String> allowed) {
        YamlEntry entry = new YamlEntry(doc, node, path, problems);
        if (node == null || !node.isObject()) {
            problems.add(new Problem(where(doc, node, path), "expected a mapping of fields, found " + describe(node)));
            return new YamlEntry(doc, null, path, problems);
        }
        Set<String> unknown = new TreeSet<>();
        node.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                unknown.add(f);
            }
        });
        for (String field : unknown) {
            entry.problem(field, "unknown field " + InputLimits.quote(field) + " (expected one of " + String.join(", ", new TreeSet<>(allowed)) + ")");
        }
        return entry;
    }

    private static String where(YamlDocument doc, JsonNode node, String path) {
        String at = doc.at(node);
        return path.isEmpty() ? at : at + ": " + path;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "an empty value";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return InputLimits.quote(node.asText());
    }

    public YamlDocument document() {
        return doc;
    }

    public boolean valid() {
        return node != null;
    }

    public String path() {
        return path;
    }

    /** Renames the path used in problems, e.g. from "[3]" to the entry's id once it is known. */
    public YamlEntry as(String newPath) {
        return new YamlEntry(doc, node, newPath, problems);
    }

    public String fieldPath(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public void problem(String field, String message) {
        JsonNode at = node == null ? null : node.get(field);
        problems.add(new Problem(where(doc, at != null ? at : node, fieldPath(field)), message));
    }

    public boolean has(String field) {
        return node != null && node.hasNonNull(field);
    }

    public JsonNode node(String field) {
        return node == null ? null : node.get(field);
    }

    private JsonNode present(String field, boolean required) {
        JsonNode value = node(field);
        if (value == null || value.isNull()) {
            if (required && node != null) {
                problem(field, "is required");
            }
            return null;
        }
        return value;
    }

    public String text(String field, boolean required) {
        JsonNode value = present(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isValueNode()) {
            problem(field, "expected text, found " + describe(value));
            return null;
        }
        String text = value.asText().strip();
        if (text.isEmpty() && required) {
            problem(field, "is required and may not be empty");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    public Double number(String field, boolean required) {
        JsonNode value = present(field, required);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        problem(field, "expected a number, found " + describe(value));
        return null;
    }

    public Integer integer(String field, boolean required) {
        JsonNode value = present(field, required);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        problem(field, "expected a whole number, found " + describe(value));
        return null;
    }

    public boolean flag(String field) {
        JsonNode value = present(field, false);
        if (value == null) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        problem(field, "expected true or false, found " + describe(value));
        return false;
    }

    public LocalDate date(String field, boolean required) {
        String text = text(field, required);
        if (text == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(field, "expected a date like 2027-01-11, found " + InputLimits.quote(text));
            return null;
        }
        String wrong = InputLimits.dateProblem(date, InputLimits.LAST_DATE);
        if (wrong != null) {
            problem(field, wrong);
            return null;
        }
        return date;
    }

    /** An enum value written in any case, with '-' for '_' ({@code higher-is-worse}). */
    public <E extends Enum<E>> E choice(String field, Class<E> type, boolean required) {
        String text = text(field, required);
        if (text == null) {
            return null;
        }
        String wanted = text.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        problem(field, InputLimits.quote(text) + " is not one of " + String.join(", ", names));
        return null;
    }

    /** A list of texts; a single text counts as a list of one. */
    public List<String> texts(String field, boolean required) {
        JsonNode value = present(field, required);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value.isValueNode()) {
            out.add(value.asText().strip());
            return out;
        }
        if (!value.isArray()) {
            problem(field, "expected a list, found " + describe(value));
            return out;
        }
        int i = 0;
        for (Iterator<JsonNode> it = value.elements(); it.hasNext(); i++) {
            JsonNode item = it.next();
            if (item.isValueNode() && !item.isNull() && !item.asText().isBlank()) {
                out.add(item.asText().strip());
            } else {
                problems.add(new Problem(where(doc, item, fieldPath(field) + "[" + i + "]"), "expected text, found " + describe(item)));
            }
        }
        if (out.isEmpty() && required) {
            problem(field, "needs at least one entry");
        }
        return out;
    }

    /** A nested object, or null (with a problem when required). */
    public YamlEntry child(String field, boolean required, Set<String> allowed) {
        JsonNode value = present(field, required);
        return value == null ? null : of(doc, value, fieldPath(field), problems, allowed);
    }
}
