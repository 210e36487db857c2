package org.equityadvisor.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.function.Function;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Action;
import org.equityadvisor.model.GroupLabel;
import org.equityadvisor.model.Indicator;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Metric;

/**
 * The JSON Schema (draft 2020-12) of an assessment, written from a rule set so that the ids an editor offers
 * (indicators, metrics, groups, actions) are exactly those the rules know, each with its title. YAML editors
 * use it for completion and checks; the reader ({@link AssessmentReader}) stays the judge, with the same rules
 * and messages that name the line.
 */
public final class AssessmentSchema {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AssessmentSchema() {
    }

    public static String write(KnowledgeBase kb) {
        try {
            return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(of(kb)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a schema is always writable", e);
        }
    }

    static JsonNode of(KnowledgeBase kb) {
        ObjectNode schema = F.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", "Equity Advisor assessment");
        schema.put("description", "A district's profile, self-assessment answers and gap figures (docs/input.md).");
        schema.put("type", "object");
        schema.set("required", array("district"));
        ObjectNode properties = schema.putObject("properties");
        properties.set("district", district(kb));
        properties.set("answers", answers(kb));
        properties.set("measures", measures(kb));
        properties.set("thresholds", thresholds(kb));
        // A scenario file is an assessment with a name, a description and expectations (rules/README.md).
        properties.putObject("name").put("type", "string");
        properties.putObject("description").put("type", "string");
        properties.putObject("expect").put("type", "object").put("description", "a scenario's expectations, ignored by advise");
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode district(KnowledgeBase kb) {
        ObjectNode d = object("The district the assessment describes. Only the name is required; the rest sharpens the advice.");
        d.set("required", array("name"));
        ObjectNode p = d.putObject("properties");
        p.set("name", string("The district's name."));
        p.set("id", string("The 7-digit NCES LEA id, in quotes to keep leading zeros, e.g. \"0612345\".").put("pattern", "^[0-9]{7}$"));
        p.set("state", string("Two-letter state code, e.g. CA.").put("pattern", "^[A-Z]{2}$"));
        ObjectNode locale = string("city, suburb, town or rural (NCES locale).");
        locale.set("enum", array("city", "suburb", "town", "rural"));
        p.set("locale", locale);
        p.set("enrollment", integer("Students enrolled.", 1));
        p.set("schools", integer("Number of schools.", 1));
        p.set("lowIncomePct", percent("Share of students from low-income families, 0..100."));
        p.set("planStart", string("The plan's start date, YYYY-MM-DD (default: today).").put("format", "date"));
        ObjectNode inPlace = object("Actions the district already runs: they are not suggested again.");
        inPlace.put("type", "array");
        inPlace.set("items", ids(kb.actions().values(), Action::id, Action::title));
        p.set("inPlace", inPlace);
        p.set("studentDevices", integer("Learning devices the district provides to students (laptops, tablets, Chromebooks); read against a one-to-one claim.", 0));
        d.put("additionalProperties", false);
        return d;
    }

    private static ObjectNode answers(KnowledgeBase kb) {
        ObjectNode a = object("The self-assessment: indicator id → level 1 Foundational, 2 Developing, 3 Established, 4 Advanced "
                + "(or { level, note }).");
        ObjectNode p = a.putObject("properties");
        for (Indicator indicator : kb.indicators().values()) {
            ObjectNode level = integer(indicator.title(), 1).put("maximum", 4);
            ObjectNode withNote = object(indicator.title());
            withNote.set("required", array("level"));
            ObjectNode np = withNote.putObject("properties");
            np.set("level", integer("1 Foundational, 2 Developing, 3 Established, 4 Advanced", 1).put("maximum", 4));
            np.set("note", string("The team's note on this rating."));
            withNote.put("additionalProperties", false);
            ObjectNode either = F.objectNode();
            either.put("title", indicator.title());
            either.set("oneOf", F.arrayNode().add(level).add(withNote));
            p.set(indicator.id(), either);
        }
        a.put("additionalProperties", false);
        return a;
    }

    private static ObjectNode measures(KnowledgeBase kb) {
        ObjectNode m = object("Gap figures: one row per metric and group.");
        m.put("type", "array");
        ObjectNode row = object("One figure of gap data.");
        row.set("required", array("metric", "value"));
        ObjectNode p = row.putObject("properties");
        p.set("metric", ids(kb.metrics().values(), Metric::id, AssessmentSchema::metricTitle));
        p.set("value", number("The figure, in the metric's unit (percentages 0..100)."));
        p.set("group", group(kb));
        p.set("n", integer("Respondents or students counted (for an estimate: the population it covers). A group under "
                + Measure.MIN_GROUP + " is never used.", 1));
        p.set("moe", number("Margin of error, in the same unit as the value.").put("minimum", 0));
        p.set("year", integer("The year the figure describes.", 1990).put("maximum", 2100));
        p.set("source", string("Where the figure comes from, e.g. 2025 registration survey."));
        ObjectNode kind = string("survey (n counts answers) or estimate (an area estimate such as the Census ACS; n is the population covered).");
        kind.set("enum", array("survey", "estimate"));
        p.set("kind", kind);
        row.put("additionalProperties", false);
        m.set("items", row);
        return m;
    }

    private static ObjectNode thresholds(KnowledgeBase kb) {
        ObjectNode t = object("The district's own thresholds, metric id → value, replacing the framework's defaults.");
        ObjectNode names = F.objectNode();
        names.set("enum", array(kb.metrics().keySet().toArray(String[]::new)));
        t.set("propertyNames", names);
        t.set("additionalProperties", number("The threshold, in the metric's unit."));
        return t;
    }

    private static ObjectNode group(KnowledgeBase kb) {
        ObjectNode g = F.objectNode();
        g.put("description", "Who the figure concerns (default all).");
        ArrayNode choices = g.putArray("anyOf");
        for (GroupLabel label : kb.groups()) {
            ObjectNode choice = F.objectNode();
            if (label.family()) {
                String prefix = label.id().substring(0, label.id().length() - 1);
                choice.put("type", "string").put("pattern", "^" + prefix + ".+$").put("description", label.label().replace("{name}", "<name>"));
            } else {
                choice.put("const", label.id()).put("description", label.label());
            }
            choices.add(choice);
        }
        return g;
    }

    private static String metricTitle(Metric metric) {
        return metric.title() + " (" + metric.unit() + ")";
    }

    private static <T> ObjectNode ids(Collection<T> entries, Function<T, String> id, Function<T, String> title) {
        ObjectNode node = F.objectNode();
        ArrayNode choices = node.putArray("oneOf");
        for (T entry : entries) {
            choices.add(F.objectNode().put("const", id.apply(entry)).put("description", title.apply(entry)));
        }
        return node;
    }

    private static ObjectNode object(String description) {
        return F.objectNode().put("type", "object").put("description", description);
    }

    private static ObjectNode string(String description) {
        return F.objectNode().put("type", "string").put("description", description);
    }

    private static ObjectNode number(String description) {
        return F.objectNode().put("type", "number").put("description", description);
    }

    private static ObjectNode integer(String description, int minimum) {
        return F.objectNode().put("type", "integer").put("description", description).put("minimum", minimum);
    }

    private static ObjectNode percent(String description) {
        return number(description).put("minimum", 0).put("maximum", 100);
    }

    private static ArrayNode array(String... values) {
        ArrayNode array = F.arrayNode();
        for (String v : values) {
            array.add(v);
        }
        return array;
    }
}
