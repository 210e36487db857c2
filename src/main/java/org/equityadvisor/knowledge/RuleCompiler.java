package org.equityadvisor.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.equityadvisor.model.Problem;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles checked DRL files into a Drools {@link KieBase} (executable model) and turns the compiler's
 * messages into problems a coach can act on. The executable model reports some errors without a line
 * (an unknown field) or inside generated Java (a wrong consequence); those are traced back to their rule
 * by a second build that puts every rule in a package of its own.
 */
final class RuleCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern GENERATED = Pattern.compile("src/main/java/diag/r(\\d+)/");
    private static final Pattern QUOTED = Pattern.compile("(?:expression|Unable to (?:parse|resolve)[^:]*):\\s*(.+)$|'([^']+)'|\"([^\"]+)\"");
    /** Builds share the global KieServices repository; one at a time keeps release ids from colliding. */
    private static final Object BUILD_LOCK = new Object();

    private RuleCompiler() {
    }

    /**
     * The compiled rules, or null with {@code problems} explaining why not. A rule set compiled before is
     * loaded from {@code cache} (when given), which takes a command from seconds to about one.
     */
    static KieBase compile(RuleFiles files, String hash, List<RuleInfo> rules, List<Problem> problems, CompiledCache cache) {
        return compile(files, hash, rules, problems, cache, new Report());
    }

    /** What a compile learned beside the rules: which rule each generated class serves, where they came from, the check's cost. */
    static final class Report {
        final Map<String, String> ruleOfClass = new HashMap<>();
        boolean fromCache;
        long checkNanos;

        RuleBytecode.Result check(Map<String, byte[]> classes, List<RuleInfo> rules, RuleFiles files) {
            long start = System.nanoTime();
            RuleBytecode.Result result = RuleBytecode.check(classes, rules, files);
            checkNanos += System.nanoTime() - start;
            return result;
        }
    }

    /** As above, also filling in {@code report}. */
    static KieBase compile(RuleFiles files, String hash, List<RuleInfo> rules, List<Problem> problems, CompiledCache cache, Report report) {
        Map<String, String> drls = new LinkedHashMap<>();
        for (String path : files.paths(".drl")) {
            drls.put(path, files.text(path));
        }
        synchronized (BUILD_LOCK) {
            KieServices ks = KieServices.Factory.get();
            ReleaseId release = ks.newReleaseId("org.equityadvisor.rules", "ruleset-" + hash.substring(hash.indexOf(':') + 1, hash.indexOf(':') + 17), "1.0.0");
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(release);
            drls.forEach((path, text) -> kfs.write(RESOURCES + path, text.getBytes(StandardCharsets.UTF_8)));
            try {
                // A cache entry is held to the same bytecode check as a fresh compile, and must carry these very DRL files.
                KieBase cached = cache.load(hash, release, classes -> {
                    RuleBytecode.Result checked = report.check(classes, rules, files);
                    if (checked.problems().isEmpty()) {
                        report.ruleOfClass.putAll(checked.ruleOfClass());
                    }
                    return checked.problems();
                }, files);
                if (cached != null) {
                    report.fromCache = true;
                    return cached;
                }
                report.checkNanos = 0;
                List<Message> errors;
                KieBuilder builder;
                try {
                    builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
                    errors = builder.getResults().getMessages(Message.Level.ERROR);
                } catch (RuntimeException e) {
                    // The executable model throws on some type errors (x > "many") instead of reporting them.
                    problems.addAll(named(eachRuleAlone(drls, e), rules));
                    return null;
                }
                if (!errors.isEmpty()) {
                    problems.addAll(named(locate(drls, errors), rules));
                    return null;
                }
                RuleBytecode.Result checked = report.check(classes(builder.getKieModule()), rules, files);
                if (!checked.problems().isEmpty()) {
                    problems.addAll(checked.problems());
                    return null;
                }
                report.ruleOfClass.putAll(checked.ruleOfClass());
                cache.store(hash, builder.getKieModule());
                return ks.newKieContainer(release).getKieBase();
            } finally {
                // The KieBase keeps what it needs; leaving the module in the repository would leak one per reload.
                ks.getRepository().removeKieModule(release);
            }
        }
    }

    /** Names the rule each compiler problem falls in, when its message does not already. */
    private static List<Problem> named(List<Problem> found, List<RuleInfo> rules) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : found) {
            int colon = p.place().lastIndexOf(':');
            RuleInfo in = null;
            if (!p.message().startsWith("rule \"") && colon > 0 && p.place().substring(colon + 1).chars().allMatch(Character::isDigit)) {
                String file = p.place().substring(0, colon);
                int line = Integer.parseInt(p.place().substring(colon + 1));
                for (RuleInfo r : rules) {
                    if (r.file().equals(file) && r.line() <= line && (in == null || r.line() > in.line())) {
                        in = r;
                    }
                }
            }
            out.add(in == null ? p : new Problem(p.place(), "rule \"" + in.name() + "\": " + p.message()));
        }
        return out;
    }

    /** The class files of a compiled module, by internal name. */
    static Map<String, byte[]> classes(KieModule module) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        InternalKieModule internal = (InternalKieModule) module;
        for (String name : internal.getFileNames()) {
            if (name.endsWith(".class")) {
                classes.put(name.substring(0, name.length() - ".class".length()), internal.getBytes(name));
            }
        }
        return classes;
    }

    /** Maps each compiler message to the DRL file and line it is about. */
    private static List<Problem> locate(Map<String, String> drls, List<Message> errors) {
        List<Problem> out = new ArrayList<>();
        List<Message> unplaced = new ArrayList<>();
        for (Message m : errors) {
            String path = m.getPath();
            if (path != null && drls.containsKey(path)) {
                int line = m.getLine() > 0 ? m.getLine() : search(drls.get(path), m.getText());
                if (line > 0) {
                    out.add(new Problem(path + ":" + line, clean(m.getText())));
                    continue;
                }
            }
            if (!m.getText().startsWith("Java source of")) {
                unplaced.add(m);
            }
        }
        if (!unplaced.isEmpty()) {
            out.addAll(rulePerPackage(drls, unplaced));
        }
        return out;
    }

    /** The line of the first text the message quotes, or 0. */
    private static int search(String text, String message) {
        Matcher m = QUOTED.matcher(message);
        while (m.find()) {
            String quoted = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            int at = text.indexOf(quoted.strip());
            if (at >= 0) {
                return 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
            }
        }
        return 0;
    }

    private static String clean(String text) {
        String first = text.strip();
        int cut = first.indexOf('\n');
        return cut < 0 ? first : first.substring(0, cut).strip();
    }

    private record Piece(String file, RuleDescr rule, String drl) {
    }

    /** Every rule as a DRL of its own, in package diag.rN, with its file's imports. */
    private static List<Piece> pieces(Map<String, String> drls) {
        List<Piece> pieces = new ArrayList<>();
        drls.forEach((path, text) -> {
            PackageDescr pkg = DrlChecker.parse(path, text, new ArrayList<>());
            if (pkg == null) {
                return;
            }
            StringBuilder imports = new StringBuilder();
            for (ImportDescr imp : pkg.getImports()) {
                imports.append("import ").append(imp.getTarget()).append(";\n");
            }
            for (RuleDescr rule : pkg.getRules()) {
                String body = text.substring(rule.getStartCharacter(), Math.min(text.length(), rule.getEndCharacter() + 1));
                String header = "package diag.r" + pieces.size() + ";\n" + imports;
                pieces.add(new Piece(path, rule, header + "\n".repeat(Math.max(0, rule.getLine() - 1 - lines(header))) + body));
            }
        });
        return pieces;
    }

    private static int lines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    private static List<Problem> rulePerPackage(Map<String, String> drls, List<Message> unplaced) {
        List<Piece> pieces = pieces(drls);
        KieServices ks = KieServices.Factory.get();
        ReleaseId release = ks.newReleaseId("org.equityadvisor.rules", "diagnosis", "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(release);
        for (int i = 0; i < pieces.size(); i++) {
            kfs.write(RESOURCES + "diag/r" + i + ".drl", pieces.get(i).drl().getBytes(StandardCharsets.UTF_8));
        }
        List<Problem> out = new ArrayList<>();
        try {
            List<Message> errors = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class).getResults().getMessages(Message.Level.ERROR);
            for (Message m : errors) {
                Piece piece = piece(pieces, m.getPath());
                if (piece != null && !m.getText().startsWith("Java source of")) {
                    out.add(new Problem(piece.file() + ":" + line(piece, m), "rule \"" + piece.rule().getName() + "\": " + clean(m.getText())));
                }
            }
        } catch (RuntimeException e) {
            out.addAll(eachRuleAlone(drls, e));
        } finally {
            ks.getRepository().removeKieModule(release);
        }
        if (out.isEmpty()) {
            unplaced.forEach(m -> out.add(new Problem(m.getPath() == null ? "rules" : m.getPath(), clean(m.getText()))));
        }
        return out;
    }

    private static Piece piece(List<Piece> pieces, String path) {
        if (path == null) {
            return null;
        }
        Matcher generated = GENERATED.matcher(path);
        if (generated.find()) {
            return pieces.get(Integer.parseInt(generated.group(1)));
        }
        Matcher drl = Pattern.compile("diag/r(\\d+)\\.drl").matcher(path);
        return drl.find() ? pieces.get(Integer.parseInt(drl.group(1))) : null;
    }

    /** Piece files are padded so their lines are the original file's; generated Java gets the consequence line. */
    private static int line(Piece piece, Message m) {
        if (m.getPath() != null && m.getPath().endsWith(".drl") && m.getLine() > 0) {
            return m.getLine();
        }
        int searched = search(piece.drl(), m.getText());
        if (searched > 0) {
            return searched;
        }
        return piece.rule().getConsequenceLine() > 0 ? piece.rule().getConsequenceLine() : piece.rule().getLine();
    }

    /** Last resort when the compiler throws: build rule by rule and report those that fail. */
    private static List<Problem> eachRuleAlone(Map<String, String> drls, RuntimeException cause) {
        List<Problem> out = new ArrayList<>();
        KieServices ks = KieServices.Factory.get();
        List<Piece> pieces = pieces(drls);
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            ReleaseId release = ks.newReleaseId("org.equityadvisor.rules", "diagnosis-" + i, "1.0.0");
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(release);
            kfs.write(RESOURCES + "diag/r" + i + ".drl", piece.drl().getBytes(StandardCharsets.UTF_8));
            try {
                ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class).getResults().getMessages(Message.Level.ERROR)
                        .forEach(m -> out.add(new Problem(piece.file() + ":" + line(piece, m), "rule \"" + piece.rule().getName() + "\": " + clean(m.getText()))));
            } catch (RuntimeException e) {
                out.add(new Problem(piece.file() + ":" + piece.rule().getLine(), "rule \"" + piece.rule().getName()
                        + "\" cannot be compiled: " + describe(e)));
            } finally {
                ks.getRepository().removeKieModule(release);
            }
        }
        if (out.isEmpty()) {
            out.add(new Problem("rules", "the rules cannot be compiled together: " + describe(cause)));
        }
        return out;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : clean(root.getMessage());
        if (root instanceof NumberFormatException) {
            return "a number is compared with something that is not a number (" + message + ")";
        }
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
