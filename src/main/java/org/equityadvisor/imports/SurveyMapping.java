package org.equityadvisor.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.equityadvisor.knowledge.YamlDocument;
import org.equityadvisor.knowledge.YamlEntry;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;

/**
 * A survey mapping file: which column holds which standard question, and which local answers mean which
 * standard answer. Without one, columns are found by their Ed-Fi names and answers by the standard wording.
 *
 * <pre>
 * source: Fall 2025 family survey
 * year: 2025
 * columns:
 *   InternetAccessInResidence: "Do you have internet at home?"
 *   LowIncome: FRL
 * answers:
 *   InternetAccessInResidence:
 *     "No, too expensive": No - Not Affordable
 *   LowIncome: { F: "Yes", R: "Yes", P: "No" }
 * </pre>
 */
final class SurveyMapping {

    private static final Set<String> TOP = Set.of("source", "year", "columns", "answers");

    private final String name;
    private final String source;
    private final Integer year;
    private final Map<Question, String> columns;
    private final Map<Question, String> columnPlaces;
    private final Map<Question, Map<String, String>> answers;

    private SurveyMapping(String name, String source, Integer year, Map<Question, String> columns, Map<Question, String> columnPlaces,
            Map<Question, Map<String, String>> answers) {
        this.name = name;
        this.source = source;
        this.year = year;
        this.columns = columns;
        this.columnPlaces = columnPlaces;
        this.answers = answers;
    }

    static SurveyMapping standard() {
        return new SurveyMapping(null, null, null, Map.of(), Map.of(), Map.of());
    }

    /** Reads a mapping file, reporting every problem with its file and line. */
    static SurveyMapping read(String name, String text) {
        YamlDocument doc = YamlDocument.parse(name, text);
        List<Problem> problems = new ArrayList<>();
        YamlEntry root = YamlEntry.of(doc, doc.root(), "", problems, TOP);
        if (!root.valid()) {
            throw new InputException(name, problems);
        }
        String source = root.text("source", false);
        Integer year = root.integer("year", false);
        if (year != null && (year < 1990 || year > 2100)) {
            root.problem("year", year + " is not a plausible year");
        }
        Map<Question, String> columns = new EnumMap<>(Question.class);
        Map<Question, String> places = new EnumMap<>(Question.class);
        eachQuestion(doc, root, "columns", problems, (q, node, place) -> {
            if (node.isValueNode() && !node.isNull() && !node.asText().isBlank()) {
                columns.put(q, node.asText().strip());
                places.put(q, place);
            } else {
                problems.add(new Problem(place, "expected the column's name as it is written in the CSV header"));
            }
        });
        Map<Question, Map<String, String>> answers = new EnumMap<>(Question.class);
        eachQuestion(doc, root, "answers", problems, (q, node, place) -> {
            if (!node.isObject()) {
                problems.add(new Problem(place, "expected local answers with the standard answer each means, e.g. \"No, too expensive\": No - Not Affordable"));
                return;
            }
            Map<String, String> map = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode target = f.getValue();
                String at = doc.at(target) + ": " + place.substring(place.indexOf(": ") + 2) + "." + f.getKey();
                String standard = target.isValueNode() && !target.isNull() ? standardAnswer(q, doc.raw(target).strip()) : null;
                if (standard == null) {
                    problems.add(new Problem(at, (target.isValueNode() ? "'" + doc.raw(target) + "'" : "this") + " is not a standard answer to "
                            + q.header() + ": use one of " + String.join(", ", q.answers())));
                } else {
                    map.put(Question.key(f.getKey()), standard);
                }
            }
            answers.put(q, Map.copyOf(map));
        });
        if (!problems.isEmpty()) {
            throw new InputException(name, problems);
        }
        return new SurveyMapping(name, source, year, Map.copyOf(columns), Map.copyOf(places), Map.copyOf(answers));
    }

    /** The standard spelling of an answer (any case or punctuation), any text for a race or school, or null. */
    private static String standardAnswer(Question q, String text) {
        if (q.kind() == Question.Kind.VALUE) {
            return text.isEmpty() ? null : text;
        }
        int code = q.code(text);
        return code >= 0 ? q.answers().get(code) : null;
    }

    private interface QuestionEntry {
        void accept(Question q, JsonNode node, String place);
    }

    private static void eachQuestion(YamlDocument doc, YamlEntry root, String field, List<Problem> problems, QuestionEntry each) {
        JsonNode node = root.node(field);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            root.problem(field, "expected question names, each with its " + (field.equals("columns") ? "column" : "answers"));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String place = doc.at(f.getValue()) + ": " + field + "." + f.getKey();
            Question q = Arrays.stream(Question.values()).filter(x -> x.header().equals(f.getKey())).findFirst().orElse(null);
            if (q == null) {
                problems.add(new Problem(place, "'" + f.getKey() + "' is not a question or group column: use one of "
                        + Arrays.stream(Question.values()).map(Question::header).collect(Collectors.joining(", "))));
            } else {
                each.accept(q, f.getValue(), place);
            }
        }
    }

    /** Where the figures come from, when the mapping says. */
    String source() {
        return source;
    }

    Integer year() {
        return year;
    }

    /**
     * Which column each question is in: the mapping's columns, else the standard names. A mapped column
     * missing from the header is a problem at the mapping file's line; so is a header naming none of the questions.
     */
    Map<Question, Integer> locate(String file, String[] header, List<String> notes) {
        Map<Question, Integer> found = new EnumMap<>(Question.class);
        List<Problem> problems = new ArrayList<>();
        for (Question q : Question.values()) {
            String wanted = columns.get(q);
            if (wanted != null) {
                int index = column(header, wanted);
                if (index == -1) {
                    problems.add(new Problem(columnPlaces.get(q), "there is no column '" + wanted + "' in " + file + " (its columns: "
                            + String.join(", ", Arrays.stream(header).map(String::strip).toList()) + ")"));
                } else if (index == -2) {
                    problems.add(new Problem(columnPlaces.get(q), "column '" + wanted + "' appears more than once in " + file));
                } else {
                    found.put(q, index);
                }
                continue;
            }
            for (int i = 0; i < header.length; i++) {
                if (q == Question.named(header[i]) && !found.containsKey(q) && !columns.containsValue(header[i].strip())) {
                    found.put(q, i);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(name, problems);
        }
        if (found.keySet().stream().noneMatch(q -> q.kind() == Question.Kind.ANSWER)) {
            throw new InputException(file, new Problem(file + ":1", "none of the home-access questions is a column here (expected "
                    + Arrays.stream(Question.values()).filter(q -> q.kind() == Question.Kind.ANSWER).map(Question::header).collect(Collectors.joining(", "))
                    + "); name your columns in a mapping file (--mapping), see docs/data-imports.md"));
        }
        notes.add("columns read: " + found.entrySet().stream().map(e -> e.getKey().header() + (header[e.getValue()].strip().equals(e.getKey().header())
                ? "" : " ('" + header[e.getValue()].strip() + "')")).collect(Collectors.joining(", ")));
        return found;
    }

    /** The column's index, -1 when absent, -2 when written twice; exact text first, then ignoring case and spacing. */
    private static int column(String[] header, String wanted) {
        int exact = indexOf(header, wanted, false);
        return exact != -1 ? exact : indexOf(header, wanted, true);
    }

    private static int indexOf(String[] header, String wanted, boolean loose) {
        int found = -1;
        for (int i = 0; i < header.length; i++) {
            boolean same = loose ? Question.key(header[i]).equals(Question.key(wanted)) : header[i].strip().equals(wanted);
            if (same) {
                if (found >= 0) {
                    return -2;
                }
                found = i;
            }
        }
        return found;
    }

    /** A cell's text after the mapping's local answers: the standard answer it stands for, or the cell as written. */
    String translate(Question q, String raw) {
        Map<String, String> local = answers.get(q);
        if (local == null || raw == null) {
            return raw;
        }
        String standard = local.get(Question.key(raw));
        if (standard == null) {
            standard = local.get(Question.key(Question.descriptorCode(raw)));
        }
        return standard != null ? standard : raw;
    }
}
