package org.equityadvisor.knowledge;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.equityadvisor.model.Divide;
import org.equityadvisor.model.Problem;

/**
 * The rule checker. Rules are code that coaches share, so before anything is compiled every DRL file is
 * parsed and held to the house rules: each rule declares its stage, the divides it serves and the
 * sources it cites; it names only catalog ids that exist; and it reaches nothing beyond the project's
 * model, {@code java.lang} values, {@code java.util} collections and {@code java.time} - no System,
 * Runtime, threads, reflection, files or network, no clock and no randomness, which would also break
 * the promise that the same input gives the same advice.
 */
final class DrlChecker {

    static final String MODEL_PACKAGE = "org.equityadvisor.model";

    private static final Set<String> ANNOTATIONS = Set.of("source", "divide", "validUntil");
    private static final Set<String> ALLOWED_ATTRIBUTES = Set.of("agenda-group", "no-loop", "lock-on-active", "activation-group", "enabled");
    private static final Set<String> VALUE_TYPES = Set.of("String", "Math", "StrictMath", "Integer", "Long", "Double", "Float",
            "Short", "Byte", "Boolean", "Character", "Number", "CharSequence", "Comparable", "Enum", "Object");
    private static final Set<String> UTIL_TYPES = Set.of("List", "ArrayList", "LinkedList", "Map", "HashMap", "LinkedHashMap", "TreeMap",
            "SortedMap", "NavigableMap", "Set", "HashSet", "LinkedHashSet", "TreeSet", "SortedSet", "NavigableSet", "Collection",
            "Collections", "Arrays", "Objects", "Optional", "OptionalInt", "OptionalDouble", "OptionalLong", "Iterator", "Comparator",
            "Deque", "ArrayDeque", "Queue", "StringJoiner", "Locale");
    /** Names that reach the process, threads, reflection, files, network, the clock or randomness. */
    private static final Set<String> FORBIDDEN = Set.of("System", "Runtime", "Thread", "ThreadGroup", "ThreadLocal", "ProcessBuilder",
            "Process", "ProcessHandle", "ClassLoader", "Class", "getClass", "forName", "Proxy", "MethodHandles", "MethodHandle", "Unsafe",
            "SecurityManager", "File", "Files", "Path", "Paths", "FileSystems", "FileInputStream", "FileOutputStream", "RandomAccessFile",
            "Socket", "ServerSocket", "DatagramSocket", "URL", "URI", "HttpClient", "InetAddress", "Executors", "ExecutorService",
            "CompletableFuture", "ForkJoinPool", "Timer", "ScriptEngineManager", "ObjectInputStream", "ObjectOutputStream", "Random",
            "SecureRandom", "ThreadLocalRandom", "random", "now", "currentTimeMillis", "nanoTime", "getenv", "getProperty", "exit", "halt",
            "drools", "kcontext", "getKieRuntime", "eval");
    private static final Set<String> ROOT_PACKAGES = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io", "kotlin", "groovy", "scala");
    private static final Pattern ID = Pattern.compile("(AS|PT|GM|SA|G)-[A-Za-z0-9.-]+");
    private static final Pattern SUGGESTION = Pattern.compile("new\\s+Suggestion\\s*\\(\\s*(\"([^\"]*)\"|[^)]*)\\s*\\)");
    /** A string right after "new Suggestion(": checked, with a better message, by suggestions(). */
    private static final Pattern SUGGESTED_BEFORE = Pattern.compile("Suggestion\\s*\\(\\s*$");
    private static final Set<String> RAW_FACTS = Set.of("Measure", "Answer");
    private static final String REACH = "rules may use only the model classes (" + MODEL_PACKAGE
            + "), java.lang values, java.util collections and java.time";

    private final Definitions definitions;
    private final List<Problem> problems;
    private final Map<String, String> ruleNames = new HashMap<>();

    private DrlChecker(Definitions definitions, List<Problem> problems) {
        this.definitions = definitions;
        this.problems = problems;
    }

    /** Checks every DRL file; returns what it learned about each rule, adding problems as it goes. */
    static List<RuleInfo> check(RuleFiles files, Definitions definitions, List<Problem> problems) {
        DrlChecker checker = new DrlChecker(definitions, problems);
        List<RuleInfo> rules = new ArrayList<>();
        List<String> drls = files.paths(".drl");
        if (drls.isEmpty()) {
            problems.add(new Problem(files.origin(), "has no .drl files: there are no rules to run"));
        }
        for (String path : drls) {
            rules.addAll(checker.file(path, files.text(path)));
        }
        return rules;
    }

    /** Parses a DRL text; syntax errors become problems with the file's line. */
    static PackageDescr parse(String path, String text, List<Problem> problems) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            problems.add(new Problem(path, "cannot be parsed: " + e.getMessage()));
            return null;
        }
        if (parser.hasErrors()) {
            for (KnowledgeBuilderError error : parser.getErrors()) {
                int[] lines = error.getLines();
                int line = lines.length > 0 && lines[0] > 0 ? lines[0] : 0;
                problems.add(new Problem(line > 0 ? path + ":" + line : path, "syntax error: " + cleanParserMessage(error.getMessage())));
            }
            return null;
        }
        return pkg;
    }

    private static String cleanParserMessage(String message) {
        return message.replaceFirst("^\\[ERR \\d+] Line \\d+:\\d+ ", "").strip();
    }

    private List<RuleInfo> file(String path, String text) {
        List<RuleInfo> out = new ArrayList<>();
        PackageDescr pkg = parse(path, text, problems);
        if (pkg == null) {
            return out;
        }
        for (ImportDescr imp : pkg.getImports()) {
            if (!allowedImport(imp.getTarget())) {
                problems.add(new Problem(path + ":" + imp.getLine(), "imports " + imp.getTarget() + ", but " + REACH));
            }
        }
        pkg.getFunctionImports().forEach(f -> problems.add(new Problem(path + ":" + f.getLine(), "imports a function (" + f.getTarget() + "): " + REACH)));
        pkg.getGlobals().forEach(g -> problems.add(new Problem(path + ":" + g.getLine(), "declares a global (" + g.getIdentifier()
                + "): rules share nothing but facts, so the same input always gives the same advice")));
        pkg.getFunctions().forEach(f -> problems.add(new Problem(path + ":" + f.getLine(), "declares a function (" + f.getName()
                + "): put computations in the model classes, where they are tested")));
        pkg.getTypeDeclarations().forEach(t -> problems.add(new Problem(path + ":" + t.getLine(), "declares a type (" + t.getTypeName()
                + "): rules use the model's facts (Gap, Weakness, Strength, DataGap, Suggestion, ...)")));
        pkg.getAttributes().forEach(a -> problems.add(new Problem(path + ":" + a.getLine(), "sets '" + a.getName()
                + "' for the whole file: declare it on each rule")));
        for (RuleDescr rule : pkg.getRules()) {
            RuleInfo info = rule(path, text, rule);
            if (info != null) {
                out.add(info);
            }
        }
        forbiddenNames(path, text);
        return out;
    }

    private RuleInfo rule(String path, String text, RuleDescr rule) {
        String at = path + ":" + rule.getLine();
        String name = rule.getName();
        if (rule.isQuery()) {
            problems.add(new Problem(at, "query \"" + name + "\": queries are not used by the advisor; write a rule"));
            return null;
        }
        String where = "rule \"" + name + "\"";
        String earlier = ruleNames.putIfAbsent(name, at);
        if (earlier != null) {
            problems.add(new Problem(at, where + " has the same name as the rule at " + earlier + "; names must be unique"));
        }
        String stage = null;
        for (Map.Entry<String, AttributeDescr> attribute : rule.getAttributes().entrySet()) {
            String key = attribute.getKey();
            if (!ALLOWED_ATTRIBUTES.contains(key)) {
                String why = switch (key) {
                    case "salience" -> "stages order the rules (agenda-group); salience may not";
                    case "dialect" -> "rules are written in the java dialect";
                    case "date-effective", "date-expires", "timer", "calendars" ->
                            "rules may not read the clock: ended programmes are dates in programmes.yaml, or @validUntil";
                    default -> "allowed attributes are " + String.join(", ", new TreeSet<>(ALLOWED_ATTRIBUTES));
                };
                problems.add(new Problem(path + ":" + attribute.getValue().getLine(), where + " sets '" + key + "': " + why));
            }
        }
        AttributeDescr group = rule.getAttributes().get("agenda-group");
        if (group == null) {
            problems.add(new Problem(at, where + " has no stage: add agenda-group \"detect\", \"suggest\" or \"refine\""));
        } else if (!RuleInfo.STAGES.contains(group.getValue())) {
            problems.add(new Problem(at, where + " is in agenda-group \"" + group.getValue() + "\"; the stages are detect, suggest, refine"));
        } else {
            stage = group.getValue();
        }
        List<String> sources = new ArrayList<>();
        List<Divide> divides = new ArrayList<>();
        LocalDate validUntil = null;
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            String key = annotation.getName();
            String value = metadata(annotation);
            if (!ANNOTATIONS.contains(key)) {
                problems.add(new Problem(at, where + " has @" + key + "; rule metadata is @source, @divide and @validUntil"));
                continue;
            }
            switch (key) {
                case "source" -> {
                    for (String id : split(value)) {
                        // An empty table means sources.yaml itself failed, which is already reported.
                        if (!definitions.sources().isEmpty() && !definitions.sources().containsKey(id)) {
                            problems.add(new Problem(at, where + " cites @source " + id + ", which sources.yaml does not define"));
                        } else {
                            sources.add(id);
                        }
                    }
                }
                case "divide" -> {
                    for (String d : split(value)) {
                        try {
                            divides.add(Divide.valueOf(d.toUpperCase(Locale.ROOT)));
                        } catch (IllegalArgumentException e) {
                            problems.add(new Problem(at, where + " has @divide " + d + "; the divides are ACCESS, USE, DESIGN"));
                        }
                    }
                }
                default -> {
                    try {
                        validUntil = LocalDate.parse(value);
                    } catch (DateTimeParseException e) {
                        problems.add(new Problem(at, where + " has @validUntil " + value + "; write a date like 2024-06-01"));
                    }
                }
            }
        }
        if (rule.getAnnotation("source") == null) {
            problems.add(new Problem(at, where + " has no @source: every rule cites the document it comes from (ids in sources.yaml)"));
        }
        if (rule.getAnnotation("divide") == null) {
            problems.add(new Problem(at, where + " has no @divide: say which divide it serves (ACCESS, USE, DESIGN)"));
        }
        String body = text.substring(Math.max(0, rule.getStartCharacter()), Math.min(text.length(), Math.max(rule.getEndCharacter(), rule.getStartCharacter())));
        List<String> suggests = suggestions(path, rule, body, stage, where);
        if (RuleInfo.SUGGEST.equals(stage)) {
            Set<String> raw = new TreeSet<>();
            patternTypes(rule.getLhs(), raw);
            raw.retainAll(RAW_FACTS);
            for (String type : raw) {
                problems.add(new Problem(at, where + " matches " + type + " directly: suggest rules match derived facts "
                        + "(Gap, Weakness, Strength, DataGap), so thresholds stay in metrics.yaml"));
            }
        }
        return new RuleInfo(name, path, rule.getLine(), stage, divides, sources, validUntil, suggests, intent(text, rule.getLine()), when(body));
    }

    /** The comment lines right above a rule's first line, without their slashes: why the rule exists. */
    static String intent(String text, int line) {
        String[] lines = text.split("\n", -1);
        List<String> comment = new ArrayList<>();
        for (int i = line - 2; i >= 0 && i < lines.length && lines[i].strip().startsWith("//"); i--) {
            comment.add(0, lines[i].strip().replaceFirst("^//+\\s?", "").strip());
        }
        return String.join(" ", comment).strip();
    }

    /** The conditions between "when" and "then", as written. */
    private static String when(String body) {
        Matcher m = Pattern.compile("(?ms)^\\s*when\\s*$(.*?)^\\s*then\\b").matcher(body);
        return m.find() ? m.group(1).strip().replaceAll("\n\\s+", "\n") : "";
    }

    private List<String> suggestions(String path, RuleDescr rule, String body, String stage, String where) {
        Set<String> ids = new LinkedHashSet<>();
        // Search the rule's own text, so each Suggestion is reported at its own line.
        Matcher m = SUGGESTION.matcher(body);
        while (m.find()) {
            int line = rule.getLine() + count(body.substring(0, m.start()));
            String id = m.group(2);
            if (id == null) {
                problems.add(new Problem(path + ":" + line, where + " makes a Suggestion from " + m.group(1).strip()
                        + ": write the catalog id as text, e.g. new Suggestion(\"AS-09\"), so rules check can verify it"));
            } else if (!definitions.actions().containsKey(id) && !definitions.partners().containsKey(id) && !definitions.actions().isEmpty()) {
                problems.add(new Problem(path + ":" + line, where + " suggests " + id + ", which is not an action (catalog/actions.yaml)"
                        + " or partner (catalog/partners.yaml)"));
            } else {
                ids.add(id);
            }
        }
        if (!ids.isEmpty() && !RuleInfo.SUGGEST.equals(stage) && stage != null) {
            problems.add(new Problem(path + ":" + rule.getLine(), where + " is a " + stage + " rule but makes suggestions; only suggest rules do"));
        }
        return List.copyOf(ids);
    }

    private static int count(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    private void forbiddenNames(String path, String source) {
        String previous = "";
        // Token offsets are in the decoded text (Unicode escapes read as the compiler reads them).
        String text = DrlTokens.unescape(source);
        for (DrlTokens.Token token : DrlTokens.of(source)) {
            if (token.kind() == DrlTokens.Kind.STRING) {
                boolean suggested = SUGGESTED_BEFORE.matcher(text.substring(Math.max(0, token.offset() - 40), token.offset())).find();
                if (ID.matcher(token.text()).matches() && !definitions.defines(token.text()) && !suggested
                        && !definitions.actions().isEmpty() && !definitions.metrics().isEmpty()) {
                    problems.add(new Problem(path + ":" + token.line(), "\"" + token.text() + "\" is not an id the framework or catalog defines"));
                }
                continue;
            }
            String chain = token.text();
            // Imports were judged with their own message; package names are not references.
            boolean declaration = previous.equals("import") || previous.equals("package");
            previous = chain;
            String why = declaration ? null : forbidden(chain);
            if (why != null) {
                problems.add(new Problem(path + ":" + token.line(), why));
            }
        }
    }

    private static String forbidden(String chain) {
        String[] parts = chain.split("\\.");
        for (String part : parts) {
            if (FORBIDDEN.contains(part)) {
                return "uses " + part + ": " + switch (part) {
                    case "eval" -> "eval hides conditions from the engine; write the condition inside the pattern";
                    case "now", "currentTimeMillis", "nanoTime" -> "rules may not read the clock: the same input must give the same advice";
                    case "random", "Random", "SecureRandom", "ThreadLocalRandom" -> "rules may not be random: the same input must give the same advice";
                    case "drools", "kcontext", "getKieRuntime" -> "rules may only insert, modify and delete facts";
                    default -> REACH;
                };
            }
        }
        if (parts.length > 2 && ROOT_PACKAGES.contains(parts[0])) {
            // Judge the class a qualified name reaches (java.util.List.of reaches java.util.List).
            int end = 0;
            while (end < parts.length - 1 && !Character.isUpperCase(parts[end].charAt(0))) {
                end++;
            }
            String type = String.join(".", java.util.Arrays.copyOf(parts, end + 1));
            if (!allowedImport(type)) {
                return "names " + type + ": " + REACH;
            }
        }
        return null;
    }

    static boolean allowedImport(String target) {
        if (target.equals(MODEL_PACKAGE + ".*") || target.startsWith(MODEL_PACKAGE + ".")) {
            return true;
        }
        String[] parts = target.split("\\.");
        String last = parts[parts.length - 1];
        if (parts.length == 3 && parts[0].equals("java") && parts[1].equals("lang")) {
            return VALUE_TYPES.contains(last);
        }
        if (parts.length == 3 && parts[0].equals("java") && parts[1].equals("util")) {
            return UTIL_TYPES.contains(last);
        }
        if (parts.length == 4 && parts[0].equals("java") && parts[1].equals("util") && (parts[2].equals("stream") || parts[2].equals("function"))) {
            // As the bytecode check allows them: streams (not endless or parallel ones, which it refuses) and functions.
            return Character.isUpperCase(last.charAt(0)) || last.equals("*");
        }
        if (parts.length == 3 && parts[0].equals("java") && parts[1].equals("math")) {
            return last.equals("BigDecimal") || last.equals("BigInteger") || last.equals("RoundingMode");
        }
        return parts.length == 3 && parts[0].equals("java") && parts[1].equals("time") && Character.isUpperCase(last.charAt(0))
                || target.equals("java.time.*");
    }

    private static String metadata(AnnotationDescr annotation) {
        Object value = annotation.getValue();
        String text = value == null ? "" : value.toString().strip();
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'"))) {
            text = text.substring(1, text.length() - 1);
        }
        return text.strip();
    }

    private static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split("[,\\s]+")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static void patternTypes(BaseDescr descr, Set<String> out) {
        if (descr instanceof PatternDescr pattern) {
            String type = pattern.getObjectType();
            if (type != null) {
                out.add(type.substring(type.lastIndexOf('.') + 1));
            }
            if (pattern.getSource() != null) {
                patternTypes(pattern.getSource(), out);
            }
            return;
        }
        if (descr instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                patternTypes(child, out);
            }
        } else if (descr instanceof org.drools.drl.ast.descr.AccumulateDescr acc) {
            patternTypes(acc.getInput(), out);
        } else if (descr instanceof org.drools.drl.ast.descr.CollectDescr collect) {
            patternTypes(collect.getInputPattern(), out);
        }
    }
}
