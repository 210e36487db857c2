package org.equityadvisor.knowledge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.InputLimits;
import org.equityadvisor.model.Problem;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML or JSON document read into a Jackson tree that remembers the line of every node, so that
 * problems found later (an unknown id, a value out of range) can name the file and line as well as the
 * path. Duplicate keys, which plain Jackson silently resolves, are reported, and so is whatever breaks the
 * document limits of {@link InputLimits}: size, nesting, long texts, keys and numbers, unprintable
 * characters, numbers that are not finite, YAML aliases and a second document.
 *
 * <p>YAML aliases ({@code *name}) are refused, not resolved: the parser would hand over the alias's name as
 * if it were the value, and resolving them lets a few lines expand into billions of nodes. No input needs
 * them.
 */
public final class YamlDocument {

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxDocumentLength(InputLimits.DOCUMENT_CHARS)
            .maxNestingDepth(InputLimits.DEPTH)
            .maxNumberLength(InputLimits.NUMBER_CHARS)
            .maxNameLength(InputLimits.KEY_CHARS)
            .maxStringLength(InputLimits.STRING_CHARS)
            .build();
    // rebuild() keeps each factory's default features: YAMLFactory.builder() alone reads "answers:" with no value as "", not null.
    private static final JsonFactory JSON = new JsonFactory().rebuild().streamReadConstraints(LIMITS).build();
    private static final YAMLFactory YAML = new YAMLFactory().rebuild().streamReadConstraints(LIMITS).loaderOptions(yamlLimits()).build();
    private static final Pattern NOT_FINITE = Pattern.compile("[-+]?\\.(nan|NaN|NAN|inf|Inf|INF)");
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

    /** The YAML parser's own limits, the same as the rest of the reading (Jackson checks some only for JSON). */
    private static LoaderOptions yamlLimits() {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(InputLimits.DEPTH);
        options.setCodePointLimit(InputLimits.DOCUMENT_CHARS);
        return options;
    }

    /**
     * Parses a document; JSON when the name ends in .json or the text starts with '{', YAML otherwise.
     *
     * @throws InputException naming the line and column when the text is malformed or breaks a limit
     */
    public static YamlDocument parse(String name, String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return parse(name, t, name.endsWith(".json") || t.stripLeading().startsWith("{"));
    }

    /** Parses a JSON document whatever its name (a request body, a plan from the database). */
    public static YamlDocument parseJson(String name, String text) {
        return parse(name, text.startsWith("\uFEFF") ? text.substring(1) : text, true);
    }

    private static YamlDocument parse(String name, String text, boolean json) {
        String format = json ? "JSON" : "YAML";
        if (text.length() > InputLimits.DOCUMENT_CHARS) {
            throw new InputException(name, new Problem(name + ":1", "is " + InputLimits.count(text.length()) + " characters long; a document has at most "
                    + InputLimits.count(InputLimits.DOCUMENT_CHARS)));
        }
        JsonParser parser = null;
        try {
            parser = (json ? JSON : YAML).createParser(text);
            Reader reader = new Reader(parser, name);
            JsonNode root;
            if (parser.nextToken() == null) {
                root = JsonNodeFactory.instance.missingNode();
                reader.lines.put(root, 1);
            } else {
                root = reader.read("", 1);
                if (parser.nextToken() != null) {
                    reader.problems.add(new Problem(name + ":" + parser.currentTokenLocation().getLineNr(), json
                            ? "more JSON after the end of the document; a file holds one object"
                            : "a second YAML document (after ---); a file holds one document"));
                }
            }
            if (!reader.problems.isEmpty()) {
                throw new InputException(name, reader.problems);
            }
            return new YamlDocument(name, root, reader.lines, reader.raw);
        } catch (StreamConstraintsException e) {
            // These carry no location; the parser knows where it stopped.
            JsonLocation at = parser == null ? null : parser.currentLocation();
            throw new InputException(name, new Problem(where(name, at), limit(e.getMessage(), format)));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser == null ? null : parser.currentLocation();
            throw new InputException(name, new Problem(where(name, at), "malformed " + format + ": " + firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InputException(name, new Problem(name + ":1", "cannot be read: " + e.getMessage()));
        } finally {
            close(parser);
        }
    }

    private static void close(JsonParser parser) {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            // A parser over a string has nothing to release.
        }
    }

    private static String where(String name, JsonLocation at) {
        return name + ":" + (at == null || at.getLineNr() < 1 ? "1" : at.getLineNr() + ":" + at.getColumnNr());
    }

    /** Jackson's constraint messages, in the words of docs/input-limits.md. */
    private static String limit(String message, String format) {
        String m = message == null ? "" : message;
        if (m.contains("NestingDepth")) {
            return "nested more than " + InputLimits.DEPTH + " levels deep; no " + format + " input needs more";
        }
        if (m.contains("NumberLength")) {
            return "a number longer than " + InputLimits.NUMBER_CHARS + " characters";
        }
        if (m.contains("NameLength")) {
            return "a key longer than " + InputLimits.KEY_CHARS + " characters";
        }
        if (m.contains("StringLength")) {
            return "a text longer than " + InputLimits.count(InputLimits.STRING_CHARS) + " characters, the most any field may hold";
        }
        if (m.contains("DocumentLength")) {
            return "longer than " + InputLimits.count(InputLimits.DOCUMENT_CHARS) + " characters, the most a document may have";
        }
        return "breaks a limit of the " + format + " reader: " + firstLine(m);
    }

    /**
     * A null of its own: Jackson shares one null, one true, one false and one empty text between all
     * documents, and lines are kept per node, so each value read gets a node of its own (equal to Jackson's).
     */
    private static final class PlacedNull extends NullNode {
        private static final long serialVersionUID = 1L;
    }

    private static final class PlacedBoolean extends BooleanNode {
        private static final long serialVersionUID = 1L;

        PlacedBoolean(boolean value) {
            super(value);
        }
    }

    /** Reads one value and what is inside it, with the line of every node and the problems found on the way. */
    private static final class Reader {

        private final JsonParser p;
        private final String name;
        private final Map<JsonNode, Integer> lines = new IdentityHashMap<>();
        private final Map<JsonNode, String> raw = new IdentityHashMap<>();
        private final List<Problem> problems = new ArrayList<>();

        Reader(JsonParser p, String name) {
            this.p = p;
            this.name = name;
        }

        private void problem(int line, String path, String message) {
            problems.add(new Problem(name + ":" + line + (path.isEmpty() ? "" : ": " + path), message));
        }

        JsonNode read(String path, int depth) throws IOException {
            int line = p.currentTokenLocation().getLineNr();
            if (depth > InputLimits.DEPTH) {
                // Jackson and SnakeYAML stop deeper documents too; this keeps the limit whichever parser reads.
                throw new StreamConstraintsException("NestingDepth " + depth);
            }
            JsonNodeFactory f = JsonNodeFactory.instance;
            JsonNode node;
            switch (p.currentToken()) {
                case START_OBJECT -> {
                    ObjectNode object = f.objectNode();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        int fieldLine = p.currentTokenLocation().getLineNr();
                        String fieldPath = path.isEmpty() ? field : path + "." + field;
                        key(field, fieldLine, path);
                        p.nextToken();
                        JsonNode value = read(fieldPath, depth + 1);
                        // A value is found by its key: "district:" is where a user looks, not its first field.
                        lines.put(value, fieldLine);
                        if (object.has(field)) {
                            problems.add(new Problem(name + ":" + fieldLine, "duplicate key " + InputLimits.quote(field)));
                        }
                        object.set(field, value);
                    }
                    node = object;
                }
                case START_ARRAY -> {
                    ArrayNode array = f.arrayNode();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        array.add(read(path + "[" + array.size() + "]", depth + 1));
                    }
                    node = array;
                }
                case VALUE_STRING -> node = text(line, path);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> node = number(line, path, f);
                case VALUE_TRUE -> node = new PlacedBoolean(true);
                case VALUE_FALSE -> node = new PlacedBoolean(false);
                case VALUE_NULL -> node = new PlacedNull();
                default -> node = new TextNode(p.getText());
            }
            // Identity maps: equal scalars at different lines stay distinct because each read makes a new node.
            lines.put(node, line);
            if (node.isValueNode()) {
                raw.put(node, p.getText());
            }
            return node;
        }

        private void key(String field, int line, String path) {
            if (field.length() > InputLimits.KEY_CHARS) {
                problem(line, path, "a key of " + InputLimits.count(field.length()) + " characters; a key has at most " + InputLimits.KEY_CHARS);
            } else {
                int bad = InputLimits.unprintable(field);
                if (bad >= 0) {
                    problem(line, path, "the key " + InputLimits.quote(field) + " " + InputLimits.unprintableProblem(field, bad));
                }
            }
        }

        private JsonNode text(int line, String path) throws IOException {
            if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                problem(line, path, "'*" + p.getText() + "' is a YAML alias; aliases are not accepted: write the value out in full");
                return new PlacedNull();
            }
            // JSON stops a long text as it reads it; YAML hands it over whole.
            if (p.getTextLength() > InputLimits.STRING_CHARS) {
                problem(line, path, "a text of " + InputLimits.count(p.getTextLength()) + " characters; a text has at most "
                        + InputLimits.count(InputLimits.STRING_CHARS));
                return new PlacedNull();
            }
            String text = p.getText();
            int bad = InputLimits.unprintable(text);
            if (bad >= 0) {
                problem(line, path, InputLimits.unprintableProblem(text, bad));
            }
            return new TextNode(text);
        }

        private JsonNode number(int line, String path, JsonNodeFactory f) throws IOException {
            // YAML hands over numbers of any length, and a long one is slow to convert.
            if (p.getTextLength() > InputLimits.NUMBER_CHARS) {
                problem(line, path, "a number of " + InputLimits.count(p.getTextLength()) + " characters; a number has at most " + InputLimits.NUMBER_CHARS);
                return new PlacedNull();
            }
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? f.numberNode(p.getBigIntegerValue()) : f.numberNode(p.getLongValue());
            }
            // YAML's .nan and .inf, and numbers too large for a double: no figure can be either.
            boolean special = NOT_FINITE.matcher(p.getText()).matches();
            double value = special ? Double.NaN : p.getDoubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                problem(line, path, InputLimits.quote(p.getText()) + " is not a finite number");
                return new PlacedNull();
            }
            return f.numberNode(value);
        }
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
