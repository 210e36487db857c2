package org.equityadvisor.knowledge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;

/**
 * A YAML or JSON document read into a Jackson tree that remembers the line of every node, so that
 * problems found later (an unknown id, a value out of range) can name the file and line as well as the
 * path. Duplicate keys, which plain Jackson silently resolves, are reported.
 */
public final class YamlDocument {

    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Pattern PATH_STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private final String name;
    private final JsonNode root;
    private final Map<JsonNode, Integer> lines;
    private final Map<JsonNode, String> raw;

    private YamlDocument(String name, JsonNode root, Map<JsonNode, Integer> lines, Map<JsonNode, String> raw) {
        this.name = name;
        this.root = root;
        this.lines = lines;
        this.raw = raw;
    }

    /**
     * Parses a document; JSON when the name ends in .json or the text starts with '{', YAML otherwise.
     *
     * @throws InputException naming the line and column when the text is malformed or has duplicate keys
     */
    public static YamlDocument parse(String name, String text) {
        boolean json = name.endsWith(".json") || text.stripLeading().startsWith("{");
        Map<JsonNode, Integer> lines = new IdentityHashMap<>();
        Map<JsonNode, String> raw = new IdentityHashMap<>();
        List<Problem> problems = new ArrayList<>();
        try (JsonParser parser = (json ? JSON : YAML).createParser(text)) {
            JsonToken first = parser.nextToken();
            JsonNode root = first == null ? JsonNodeFactory.instance.missingNode() : read(parser, lines, raw, problems, name);
            if (!problems.isEmpty()) {
                throw new InputException(name, problems);
            }
            return new YamlDocument(name, root, lines, raw);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? name : name + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new InputException(name, new Problem(where, "malformed " + (json ? "JSON" : "YAML") + ": " + firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InputException(name, new Problem(name, "cannot be read: " + e.getMessage()));
        }
    }

    private static JsonNode read(JsonParser p, Map<JsonNode, Integer> lines, Map<JsonNode, String> raw, List<Problem> problems, String name)
            throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode node;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    int fieldLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    JsonNode value = read(p, lines, raw, problems, name);
                    // A value is found by its key: "district:" is where a user looks, not its first field.
                    lines.put(value, fieldLine);
                    if (object.has(field)) {
                        problems.add(new Problem(name + ":" + fieldLine, "duplicate key '" + field + "'"));
                    }
                    object.set(field, value);
                }
                node = object;
            }
            case START_ARRAY -> {
                ArrayNode array = f.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(p, lines, raw, problems, name));
                }
                node = array;
            }
            case VALUE_STRING -> node = f.textNode(p.getText());
            case VALUE_NUMBER_INT -> node = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? f.numberNode(p.getBigIntegerValue()) : f.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> node = f.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> node = f.booleanNode(true);
            case VALUE_FALSE -> node = f.booleanNode(false);
            case VALUE_NULL -> node = f.nullNode();
            default -> node = f.textNode(p.getText());
        }
        // Identity maps: equal scalars at different lines stay distinct because each read makes a new node.
        lines.put(node, line);
        if (node.isValueNode()) {
            raw.put(node, p.getText());
        }
        return node;
    }

    private static String firstLine(String message) {
        String text = message == null ? "unreadable" : message.strip();
        int cut = text.indexOf('\n');
        return cut < 0 ? text : text.substring(0, cut).strip();
    }

    public String name() {
        return name;
    }

    public JsonNode root() {
        return root;
    }

    /** The line of a node of this document, or 0 when it is not one of its nodes. */
    public int line(JsonNode node) {
        Integer line = node == null ? null : lines.get(node);
        return line == null ? 0 : line;
    }

    /** A scalar as it was written (YAML reads 0612345 as an octal number; the user wrote digits). */
    public String raw(JsonNode node) {
        String text = node == null ? null : raw.get(node);
        return text != null ? text : node == null ? "" : node.asText();
    }

    /** "name:line" of a node, or just the name. */
    public String at(JsonNode node) {
        int line = line(node);
        return line > 0 ? name + ":" + line : name;
    }

    /**
     * The place of a path such as {@code measures[3].value}: "name:line: path", using the deepest node of the
     * path that exists, so a missing field is reported at the line of its parent.
     */
    public String place(String path) {
        JsonNode node = root;
        JsonNode deepest = root;
        Matcher step = PATH_STEP.matcher(path);
        while (step.find() && node != null) {
            node = step.group(1) != null ? node.get(step.group(1)) : node.get(Integer.parseInt(step.group(2)));
            if (node != null && !node.isMissingNode()) {
                deepest = node;
            }
        }
        return path.isEmpty() ? at(deepest) : at(deepest) + ": " + path;
    }
}
