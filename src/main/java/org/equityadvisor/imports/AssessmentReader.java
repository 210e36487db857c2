package org.equityadvisor.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.YamlDocument;
import org.equityadvisor.knowledge.YamlEntry;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.InputLimits;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Problem;

/**
 * Reads an assessment (docs/input.md) from JSON or YAML and checks it against the framework, reporting every
 * problem of the document at once, each with its file, line and path ({@code riverbend.yaml:14:
 * measures[3].value: 140 is above 100}).
 */
public final class AssessmentReader {

    static final Set<String> TOP = Set.of("district", "answers", "measures", "thresholds");
    private static final Set<String> DISTRICT = Set.of("name", "id", "state", "locale", "enrollment", "schools", "lowIncomePct", "planStart", "inPlace", "studentDevices");
    private static final Set<String> MEASURE = Set.of("metric", "value", "group", "n", "moe", "year", "source", "kind");
    private static final Set<String> ANSWER = Set.of("level", "note");
    private static final Pattern MEASURE_PLACE = Pattern.compile("^measures\\[(\\d+)]");

    private final KnowledgeBase kb;

    public AssessmentReader(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** Reads a file; the name in problems is the path as given. */
    public Assessment read(Path file) {
        return read(YamlDocument.parse(file.toString(), text(file)), Set.of());
    }

    public Assessment read(String name, String text) {
        return read(YamlDocument.parse(name, text), Set.of());
    }

    /**
     * Reads a UTF-8 text file, turning a missing or unreadable file into an input problem. A file too large
     * to be a document (three bytes a character at most) is refused before it is read into memory.
     */
    public static String text(Path file) {
        try {
            long bytes = Files.size(file);
            if (bytes > 3L * InputLimits.DOCUMENT_CHARS) {
                throw new InputException(file.toString(), new Problem(file.toString(), "is " + InputLimits.count(bytes)
                        + " bytes long; a document has at most " + InputLimits.count(InputLimits.DOCUMENT_CHARS) + " characters"));
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), new Problem(file.toString(), "no such file"));
        } catch (MalformedInputException e) {
            throw new InputException(file.toString(), new Problem(file.toString(), "is not UTF-8 text"));
        } catch (IOException e) {
            throw new InputException(file.toString(), new Problem(file.toString(), "cannot be read: " + e.getMessage()));
        }
    }

    /**
     * Reads the assessment part of a document that may carry more top-level fields (a scenario's
     * {@code expect:}); {@code extra} names those so they are not reported as unknown.
     */
    public Assessment read(YamlDocument doc, Set<String> extra) {
        List<Problem> problems = new ArrayList<>();
        Set<String> allowed = new HashSet<>(TOP);
        allowed.addAll(extra);
        YamlEntry root = YamlEntry.of(doc, doc.root(), "", problems, allowed);
        if (!root.valid()) {
            throw new InputException(doc.name(), problems);
        }
        District district = district(root, problems);
        List<Answer> answers = answers(doc, root, problems);
        List<Integer> positions = new ArrayList<>();
        List<Measure> measures = measures(doc, root, problems, positions);
        Map<String, Double> thresholds = thresholds(doc, root, problems);
        Assessment assessment = new Assessment(district == null ? District.named("") : district, answers, measures, thresholds);
        for (Problem p : kb.validate(assessment)) {
            if (district == null && p.place().startsWith("district")) {
                continue;
            }
            problems.add(new Problem(doc.place(original(p.place(), positions)), p.message()));
        }
        if (!problems.isEmpty()) {
            throw new InputException(doc.name(), problems);
        }
        return assessment;
    }

    /** Measures that could not be read are left out, so map a validation index back to the document's. */
    private static String original(String place, List<Integer> positions) {
        Matcher m = MEASURE_PLACE.matcher(place);
        if (m.find()) {
            int index = Integer.parseInt(m.group(1));
            return "measures[" + positions.get(index) + "]" + place.substring(m.end());
        }
        return place;
    }

    private static District district(YamlEntry root, List<Problem> problems) {
        YamlEntry d = root.child("district", true, DISTRICT);
        if (d == null || !d.valid()) {
            return null;
        }
        String name = d.text("name", false);
        String id = null;
        JsonNode idNode = d.node("id");
        if (idNode != null && idNode.isNumber()) {
            d.problem("id", "write the NCES id in quotes (\"" + d.document().raw(idNode) + "\"): as a number it loses its leading zeros");
        } else {
            id = d.text("id", false);
        }
        return new District(name == null ? "" : name, id, d.text("state", false), d.text("locale", false), d.integer("enrollment", false),
                d.integer("schools", false), d.number("lowIncomePct", false), d.date("planStart", false), d.texts("inPlace", false),
                d.integer("studentDevices", false));
    }

    private static List<Answer> answers(YamlDocument doc, YamlEntry root, List<Problem> problems) {
        List<Answer> out = new ArrayList<>();
        JsonNode node = root.node("answers");
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            root.problem("answers", "expected indicator ids with their levels, e.g. SA-ACC-01: 2");
            return out;
        }
        if (node.size() > InputLimits.LIST_ITEMS) {
            root.problem("answers", InputLimits.tooMany(node.size(), InputLimits.LIST_ITEMS, "entries"));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String place = "answers." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isIntegralNumber() && value.canConvertToInt()) {
                out.add(new Answer(field.getKey(), value.intValue()));
            } else if (value.isObject()) {
                YamlEntry e = YamlEntry.of(doc, value, place, problems, ANSWER);
                Integer level = e.integer("level", true);
                if (level != null) {
                    out.add(new Answer(field.getKey(), level, e.text("note", false)));
                }
            } else {
                problems.add(new Problem(doc.at(value) + ": " + place, "expected a level 1..4 (or level: and note:), found " + InputLimits.quote(value.asText())));
            }
        }
        return out;
    }

    private static List<Measure> measures(YamlDocument doc, YamlEntry root, List<Problem> problems, List<Integer> positions) {
        List<Measure> out = new ArrayList<>();
        JsonNode node = root.node("measures");
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            root.problem("measures", "expected a list of rows, each with metric: and value:");
            return out;
        }
        if (node.size() > InputLimits.MEASURES) {
            root.problem("measures", InputLimits.tooMany(node.size(), InputLimits.MEASURES, "rows"));
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            YamlEntry e = YamlEntry.of(doc, node.get(i), "measures[" + i + "]", problems, MEASURE);
            if (!e.valid()) {
                continue;
            }
            String metric = e.text("metric", true);
            Double value = e.number("value", true);
            Integer year = e.integer("year", false);
            if (year != null && (year < InputLimits.FIRST_DATE.getYear() || year > InputLimits.LAST_DATE.getYear())) {
                e.problem("year", year + " is not a plausible year; use one from " + InputLimits.FIRST_DATE.getYear() + " to " + InputLimits.LAST_DATE.getYear());
            }
            String kindWord = e.text("kind", false);
            Measure.Kind kind = Measure.Kind.of(kindWord);
            if (kindWord != null && kind == null) {
                e.problem("kind", InputLimits.quote(kindWord) + " is not one of survey, estimate");
            }
            if (metric != null && value != null) {
                out.add(new Measure(metric, e.text("group", false), value, e.integer("n", false), e.number("moe", false), year, e.text("source", false), kind));
                positions.add(i);
            }
        }
        return out;
    }

    private static Map<String, Double> thresholds(YamlDocument doc, YamlEntry root, List<Problem> problems) {
        Map<String, Double> out = new TreeMap<>();
        JsonNode node = root.node("thresholds");
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            root.problem("thresholds", "expected metric ids with values, e.g. GM-06: 20");
            return out;
        }
        if (node.size() > InputLimits.LIST_ITEMS) {
            root.problem("thresholds", InputLimits.tooMany(node.size(), InputLimits.LIST_ITEMS, "entries"));
            return out;
        }
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isNumber()) {
                out.put(f.getKey(), f.getValue().doubleValue());
            } else {
                problems.add(new Problem(doc.at(f.getValue()) + ": thresholds." + f.getKey(), "expected a number, found " + InputLimits.quote(f.getValue().asText())));
            }
        });
        return out;
    }
}
