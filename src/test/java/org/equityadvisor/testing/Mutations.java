package org.equityadvisor.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded mutations of real documents, for the fuzz test: the document is changed as a tree (wrong types,
 * nasty numbers, long or unprintable text, odd dates, missing, unknown or duplicated fields, deep nesting,
 * many rows) and then as text (aliases, duplicated lines, cut documents, stray characters, a second
 * document). The same seed always gives the same cases.
 */
public final class Mutations {

    /** One mutated document: its name (ending .yaml or .json), its text and the mutations applied. */
    public record Case(String name, String text, List<String> kinds) {
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Deeper than any reader accepts, so that the nesting limits themselves are tried. */
    private static final StreamWriteConstraints DEEP = StreamWriteConstraints.builder().maxNestingDepth(5_000).build();
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder().streamWriteConstraints(DEEP).build());
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder().streamWriteConstraints(DEEP).build())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

    private static final String[] FIELDS = {"name", "id", "state", "locale", "enrollment", "schools", "lowIncomePct", "planStart", "inPlace",
        "metric", "value", "group", "n", "moe", "year", "source", "kind", "level", "note", "district", "answers", "measures", "thresholds",
        "title", "start", "overview", "reflection", "goals", "steps", "partners", "outcomes", "statement", "divide", "who", "description",
        "owner", "team", "due", "status", "baseline", "target", "targetDate", "dataSource", "text", "role", "ruleSet", "assessment", "advice"};
    /** The fields a leader writes or a reader turns into dates, numbers and printed text: mutated more often. */
    private static final Set<String> HOT = Set.of("name", "id", "planStart", "enrollment", "schools", "lowIncomePct", "inPlace", "metric", "value",
        "group", "n", "moe", "year", "source", "note", "level", "title", "district", "start", "overview", "reflection", "statement", "who",
        "description", "owner", "team", "due", "status", "targetDate", "baseline", "target", "dataSource", "text", "role");
    private static final String[] DATES = {"+999999999-12-31", "-999999999-01-01", "999999999-12-31", "0000-01-01", "0001-01-01", "1989-12-31",
        "1990-01-01", "2090-12-31", "2100-12-31", "2101-01-01", "9999-12-31", "2027-02-30", "2027-13-01", "2027-1-1", "27-01-11", "2027-01-11T00:00",
        "today", "", " 2027-01-11 "};
    private static final String[] WORDS = {"0612345", "yes", "no", "~", "null", "true", "NaN", "-Infinity", "0x1F", "1e400", "all", "low-income",
        "race:", "school:", "race:\u00e9\u00e8", "GM-01", "GM-06", "SA-ACC-01", "AS-44", "G-CONNECT", "PT-04", "planned", "done", "ACCESS", "survey",
        "{", "[", "*n", "&n", "!!binary aGk=", "<script>alert(1)</script>", "&amp;", "${jndi:ldap://x}", "%s%n", "\\u0000", "| ; # :"};
    private static final String[] ODD = {"\u0000", "\u0007", "\b", "\u000b", "\f", "\u001b[31m", "\u007f", "\u0085", "\u009b", "\r", "\n", "\t",
        "\u2028", "\u2029", "\u202e", "\u200b", "\ufeff", "\ufffe", "\uffff", "\ud800", "\udc00", "\ud83d\ude00", "e\u0301", "\u4e2d\u6587",
        "\u0627\u0644", "\u00a0", "\\", "\"", "'", "<", "&", "|", "#", ":"};

    private final Random random;

    public Mutations(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** A mutated copy of a YAML or JSON document, written back as YAML or JSON. */
    public Case mutate(String name, String text, boolean yamlAllowed) {
        List<String> kinds = new ArrayList<>();
        JsonNode root;
        try {
            root = (name.endsWith(".json") ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a seed must be valid: " + name, e);
        }
        // Mostly one change, so that the rest of the document stays valid and the change reaches the later stages.
        int dice = random.nextInt(10);
        int treeMutations = dice < 6 ? 1 : dice < 8 ? 2 + random.nextInt(2) : 0;
        for (int i = 0; i < treeMutations; i++) {
            root = mutateTree(root, kinds);
        }
        boolean yaml = yamlAllowed && random.nextInt(10) < 7;
        String out;
        try {
            out = yaml ? YAML.writeValueAsString(root) : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException | RuntimeException e) {
            // The writer refused a value (a lone surrogate in YAML, say): send the JSON form instead.
            yaml = false;
            try {
                out = JSON.writeValueAsString(root);
            } catch (JsonProcessingException again) {
                throw new IllegalStateException(again);
            }
        }
        if (treeMutations == 0 || random.nextInt(10) < 2) {
            out = mutateText(out, yaml, kinds);
        }
        String base = name.replaceAll("\\.(yaml|json)$", "");
        return new Case(base + (yaml ? ".yaml" : ".json"), out, List.copyOf(kinds));
    }

    // --- the tree ----------------------------------------------------------------------------------------

    /** A place in the tree: a container and a field name or index in it. */
    private record Slot(ContainerNode<?> parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private JsonNode mutateTree(JsonNode root, List<String> kinds) {
        if (!root.isContainerNode()) {
            kinds.add("root");
            return random.nextBoolean() ? F.objectNode() : root;
        }
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return root;
        }
        List<Slot> hot = slots.stream().filter(x -> x.field() != null && HOT.contains(x.field())).toList();
        Slot slot = !hot.isEmpty() && random.nextBoolean() ? hot.get(random.nextInt(hot.size())) : slots.get(random.nextInt(slots.size()));
        int op = random.nextInt(100);
        if (op < 14) {
            kinds.add("type");
            slot.set(anyValue());
        } else if (op < 28) {
            kinds.add("number");
            slot.set(number());
        } else if (op < 42) {
            kinds.add("text");
            slot.set(F.textNode(text()));
        } else if (op < 50) {
            kinds.add("date");
            slot.set(F.textNode(DATES[random.nextInt(DATES.length)]));
        } else if (op < 60) {
            kinds.add("missing");
            if (slot.field() != null) {
                ((ObjectNode) slot.parent()).remove(slot.field());
            } else {
                ((ArrayNode) slot.parent()).remove(slot.index());
            }
        } else if (op < 68) {
            kinds.add("field");
            ContainerNode<?> parent = slot.parent();
            if (parent instanceof ObjectNode o) {
                o.set(random.nextInt(4) == 0 ? text() : FIELDS[random.nextInt(FIELDS.length)], anyValue());
            } else {
                ((ArrayNode) parent).add(anyValue());
            }
        } else if (op < 76) {
            kinds.add("rows");
            rows(slot);
        } else if (op < 82) {
            kinds.add("nesting");
            slot.set(nested(new int[] {2, 8, 40, 100, 1_200}[random.nextInt(5)]));
        } else if (op < 88) {
            kinds.add("wrap");
            JsonNode value = slot.get();
            slot.set(random.nextBoolean() ? F.arrayNode().add(value) : F.objectNode().set(FIELDS[random.nextInt(FIELDS.length)], value));
        } else if (op < 94) {
            kinds.add("swap");
            Slot other = slots.get(random.nextInt(slots.size()));
            JsonNode value = other.get();
            if (value != null && !isAncestor(slot.get(), other.parent())) {
                slot.set(value.deepCopy());
            }
        } else {
            kinds.add("unicode");
            JsonNode value = slot.get();
            String t = value == null ? "" : value.asText();
            slot.set(F.textNode(insertOdd(t)));
        }
        return root;
    }

    private static boolean isAncestor(JsonNode node, JsonNode of) {
        if (node == null || !node.isContainerNode()) {
            return false;
        }
        if (node == of) {
            return true;
        }
        for (JsonNode child : node) {
            if (isAncestor(child, of)) {
                return true;
            }
        }
        return false;
    }

    private static void collect(JsonNode node, List<Slot> out) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                out.add(new Slot(o, n, -1));
                collect(o.get(n), out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Slot(a, null, i));
                collect(a.get(i), out);
            }
        }
    }

    /** More rows: copies of a row (duplicates), or many distinct ones (a row per school). */
    private void rows(Slot slot) {
        if (!(slot.parent() instanceof ArrayNode array) || array.isEmpty()) {
            slot.set(F.arrayNode().add(slot.get() == null ? F.nullNode() : slot.get().deepCopy()));
            return;
        }
        JsonNode row = array.get(slot.index());
        int n = new int[] {1, 2, 20, 300, 2_100, 6_000}[random.nextInt(random.nextInt(40) == 0 ? 6 : 4)];
        boolean distinct = random.nextBoolean();
        for (int i = 0; i < n; i++) {
            JsonNode copy = row.deepCopy();
            if (distinct && copy instanceof ObjectNode o && o.has("group")) {
                o.put("group", "school:" + i);
            } else if (distinct && copy instanceof ObjectNode o && o.has("id")) {
                o.put("id", o.get("id").asText() + "-" + i);
            }
            array.add(copy);
        }
    }

    private JsonNode anyValue() {
        return switch (random.nextInt(9)) {
            case 0 -> F.textNode(text());
            case 1 -> number();
            case 2 -> F.booleanNode(random.nextBoolean());
            case 3 -> F.nullNode();
            case 4 -> F.arrayNode();
            case 5 -> F.objectNode();
            case 6 -> F.arrayNode().add(text()).add(number());
            case 7 -> F.objectNode().set(FIELDS[random.nextInt(FIELDS.length)], number());
            default -> F.textNode(WORDS[random.nextInt(WORDS.length)]);
        };
    }

    private JsonNode number() {
        return switch (random.nextInt(18)) {
            case 0 -> F.numberNode(0);
            case 1 -> F.numberNode(-1);
            case 2 -> F.numberNode(-0.0);
            case 3 -> F.numberNode(1e308);
            case 4 -> F.numberNode(-1e308);
            case 5 -> F.numberNode(Long.MAX_VALUE);
            case 6 -> F.numberNode(Long.MIN_VALUE);
            case 7 -> F.numberNode(BigInteger.TEN.pow(30));
            case 8 -> F.numberNode(BigInteger.TEN.pow(random.nextBoolean() ? 400 : 2_000));
            case 9 -> F.numberNode(new BigDecimal("1e-400"));
            case 10 -> F.numberNode(2_147_483_648L);
            case 11 -> F.numberNode(Integer.MAX_VALUE);
            case 12 -> F.numberNode(999_999_999);
            case 13 -> F.numberNode(100.0000001);
            case 14 -> F.numberNode(101);
            case 15 -> F.numberNode(Double.MIN_VALUE);
            case 16 -> F.numberNode(random.nextInt(5) + 0.5);
            default -> F.numberNode(random.nextInt(200) - 50);
        };
    }

    private String text() {
        int kind = random.nextInt(10);
        if (kind < 3) {
            int[] lengths = {0, 1, 99, 101, 199, 201, 499, 501, 999, 1_001, 2_001, 5_000, 20_001, 100_001};
            int length = lengths[random.nextInt(lengths.length)];
            if (random.nextInt(400) == 0) {
                length = 2_100_000;
            }
            return "x".repeat(length);
        }
        if (kind < 6) {
            return insertOdd(WORDS[random.nextInt(WORDS.length)]);
        }
        if (kind < 8) {
            return WORDS[random.nextInt(WORDS.length)];
        }
        return DATES[random.nextInt(DATES.length)];
    }

    private String insertOdd(String text) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        return text.substring(0, at) + ODD[random.nextInt(ODD.length)] + text.substring(at);
    }

    private static JsonNode nested(int depth) {
        JsonNode node = F.textNode("deep");
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? F.arrayNode().add(node) : F.objectNode().set("n", node);
        }
        return node;
    }

    // --- the text ----------------------------------------------------------------------------------------

    private String mutateText(String text, boolean yaml, List<String> kinds) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        int op = random.nextInt(yaml ? 10 : 6);
        switch (op) {
            case 0 -> {
                kinds.add("duplicate-line");
                lines.add(line, lines.get(line));
            }
            case 1 -> {
                kinds.add("cut");
                return text.substring(0, random.nextInt(text.length() + 1));
            }
            case 2 -> {
                kinds.add("stray-character");
                int at = random.nextInt(text.length() + 1);
                return text.substring(0, at) + ODD[random.nextInt(ODD.length)] + text.substring(at);
            }
            case 3 -> {
                kinds.add("delete-line");
                lines.remove(line);
            }
            case 4 -> {
                kinds.add("bom");
                return "\ufeff" + text;
            }
            case 5 -> {
                kinds.add(yaml ? "tabs" : "json-extension");
                return yaml ? text.replace("  ", "\t") : text.replaceFirst("\\}\\s*$", ", } // comment").replaceFirst(": ([0-9.]+)", ": NaN");
            }
            case 6 -> {
                kinds.add("alias");
                return alias(lines);
            }
            case 7 -> {
                kinds.add("second-document");
                return text + "\n---\ndistrict: { name: Second }\n";
            }
            case 8 -> {
                kinds.add("yaml-special");
                String[] specials = {".nan", ".inf", "-.inf", "0o17", "0x_1F", "1_000_000", "!!float 1", "!!str 5", "!custom x", "? [a, b]", "<<: *n",
                    "|", ">-", "'", "\"\\x07\"", "\"\\u0000\"", "\"\\N\""};
                String special = specials[random.nextInt(specials.length)];
                String target = lines.get(line);
                int colon = target.indexOf(": ");
                lines.set(line, colon < 0 ? target + " " + special : target.substring(0, colon + 2) + special);
            }
            default -> {
                kinds.add("billion-laughs");
                StringBuilder laughs = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
                for (char c = 'b'; c <= 'i'; c++) {
                    char p = (char) (c - 1);
                    laughs.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p).append(", *")
                            .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
                }
                return laughs + text;
            }
        }
        return String.join("\n", lines);
    }

    /** An anchor on one scalar value and an alias to it on another line (or at the end). */
    private String alias(List<String> lines) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int colon = l.indexOf(": ");
            if (colon > 0 && colon + 2 < l.length() && !l.endsWith(":")) {
                values.add(i);
            }
        }
        if (values.size() < 2) {
            return String.join("\n", lines) + "\nextra: *n\n";
        }
        int from = values.get(random.nextInt(values.size()));
        int to = values.get(random.nextInt(values.size()));
        String a = lines.get(from);
        int ca = a.indexOf(": ");
        lines.set(from, a.substring(0, ca + 2) + "&n " + a.substring(ca + 2));
        if (to == from) {
            return String.join("\n", lines) + "\nextra: *n\n";
        }
        String b = lines.get(to);
        int cb = b.indexOf(": ");
        lines.set(to, b.substring(0, cb + 2) + "*n");
        return String.join("\n", lines);
    }
}
