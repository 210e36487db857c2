package org.equityadvisor.knowledge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.equityadvisor.model.Action;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Goal;
import org.equityadvisor.model.GroupLabel;
import org.equityadvisor.model.Indicator;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.NtiaField;
import org.equityadvisor.model.Partner;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.Programme;
import org.equityadvisor.model.Source;
import org.equityadvisor.model.Trigger;
import org.kie.api.KieBase;

/**
 * A loaded, checked and compiled rule set: the framework, the catalog, the programme table, the ranking
 * weights and the compiled rules, identified by the content hash of its files. Immutable: a new rule set
 * is a new KnowledgeBase, built completely before anything switches to it.
 */
public final class KnowledgeBase {

    private final String origin;
    private final String hash;
    private final Definitions definitions;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> rulesByName;
    private final List<Trigger> triggers;
    /** The hash of what was compiled (the rule files without the trigger table, plus the table's fixed rules). */
    private final String compiledHash;
    private final KieBase kieBase;
    private final Map<String, String> ruleOfClass;
    private final boolean fromCache;
    private final Duration checkTime;
    private final Translations translations;
    /** The language this view of the rule set speaks: its texts are that language's where the rule set translates them. */
    private final String language;
    /** The rule set in its other languages, made on first use (the same rules, ids and hash; other words). */
    /** The English rule set this view translates (itself when it is the English one). */
    private final KnowledgeBase english;
    private final Map<String, KnowledgeBase> inLanguage = new java.util.concurrent.ConcurrentHashMap<>();

    private KnowledgeBase(String origin, String hash, Definitions definitions, List<RuleInfo> rules, List<Trigger> triggers, String compiledHash,
            KieBase kieBase, RuleCompiler.Report report, Translations translations) {
        this(origin, hash, definitions, rules, triggers, compiledHash, kieBase, Map.copyOf(report.ruleOfClass), report.fromCache,
                Duration.ofNanos(report.checkNanos), translations, Translations.ENGLISH, null);
    }

    private KnowledgeBase(String origin, String hash, Definitions definitions, List<RuleInfo> rules, List<Trigger> triggers, String compiledHash,
            KieBase kieBase, Map<String, String> ruleOfClass, boolean fromCache, Duration checkTime, Translations translations, String language,
            KnowledgeBase english) {
        this.origin = origin;
        this.hash = hash;
        this.definitions = definitions;
        this.rules = List.copyOf(rules);
        this.rulesByName = rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::name, Function.identity()));
        this.triggers = List.copyOf(triggers);
        this.compiledHash = compiledHash;
        this.kieBase = kieBase;
        this.ruleOfClass = ruleOfClass;
        this.fromCache = fromCache;
        this.checkTime = checkTime;
        this.translations = translations;
        this.language = language;
        this.english = english == null ? this : english;
    }

    /**
     * This rule set speaking another language: titles, descriptions, metric phrases, group names, level texts,
     * outcome texts and rule sentences from {@code i18n/<language>.yaml}, the English where it has none.
     *
     * @throws IllegalArgumentException naming the language and those the rule set has, when it has not this one
     */
    public KnowledgeBase in(String language) {
        if (!translations.has(language)) {
            throw new IllegalArgumentException("unknown language '" + language + "': the rule set speaks " + String.join(", ", languages()));
        }
        if (english != this) {
            return english.in(language);
        }
        if (Translations.ENGLISH.equals(language)) {
            return this;
        }
        return inLanguage.computeIfAbsent(language, l -> new KnowledgeBase(origin, hash, translations.localize(l, definitions),
                translations.localize(l, rules), triggers, compiledHash, kieBase, ruleOfClass, fromCache, checkTime, translations, l, this));
    }

    /** The language of this view: "en", or the one {@link #in(String)} made it for. */
    public String language() {
        return language;
    }

    /** The languages the rule set can speak: "en" and each of its translations (i18n/*.yaml). */
    public List<String> languages() {
        return translations.languages();
    }

    /** The rule set's translations, for texts that are not part of the advice (e.g. a page showing the catalog). */
    public Translations translations() {
        return translations;
    }

    /**
     * Reads, checks and compiles the rule set in a folder.
     *
     * @throws RuleSetException with every problem found, each naming its file and line
     */
    public static KnowledgeBase load(Path dir) {
        return load(dir, CompiledCache.fromEnvironment());
    }

    /** Where the jar keeps the rule set it was built with (the project's rules/ folder, zipped by the build). */
    static final String BUNDLED = "/equity-advisor/rules.zip";

    /** True when this program carries a rule set of its own (always, in the built jar). */
    public static boolean bundledAvailable() {
        return KnowledgeBase.class.getResource(BUNDLED) != null;
    }

    /**
     * The rule set this version of the program was built with: what every command uses when it is given no
     * rules folder, so the jar works from any folder.
     *
     * @throws RuleSetException when the program was built without one
     */
    public static KnowledgeBase loadBundled() {
        String origin = "the rules bundled with equity-advisor " + version();
        try (var zip = KnowledgeBase.class.getResourceAsStream(BUNDLED)) {
            if (zip == null) {
                throw new RuleSetException(origin, List.of(new Problem(BUNDLED, "is missing: this build carries no rule set; pass --rules DIR")));
            }
            return load(RuleFiles.unzip(origin, zip), CompiledCache.fromEnvironment());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The content hash of a rule set folder, without compiling it: what {@link #hash()} of its KnowledgeBase will be. */
    public static String hashOf(Path dir) {
        return RuleFiles.read(dir).hash();
    }

    /** The content hash of the bundled rule set, without compiling it; empty when this build carries none. */
    public static Optional<String> bundledHash() {
        try (var zip = KnowledgeBase.class.getResourceAsStream(BUNDLED)) {
            return zip == null ? Optional.empty() : Optional.of(RuleFiles.unzip("bundled", zip).hash());
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** This program's version, as the jar's manifest gives it. */
    public static String version() {
        String version = KnowledgeBase.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }

    static KnowledgeBase load(Path dir, CompiledCache cache) {
        return load(RuleFiles.read(dir), cache, null);
    }

    /**
     * Reads, checks and compiles the rule set in a folder again, reusing the compiled rules of {@code previous}
     * when the edit did not touch them (a YAML file, a row of the trigger table): what keeps `rules watch` fast.
     *
     * @throws RuleSetException with every problem found, each naming its file and line
     */
    public static KnowledgeBase reload(Path dir, KnowledgeBase previous) {
        return load(RuleFiles.read(dir), CompiledCache.fromEnvironment(), previous);
    }

    private static KnowledgeBase load(RuleFiles files, CompiledCache cache) {
        return load(files, cache, null);
    }

    private static KnowledgeBase load(RuleFiles files, CompiledCache cache, KnowledgeBase previous) {
        List<Problem> problems = new ArrayList<>();
        Definitions definitions = DefinitionsReader.read(files, problems);
        TriggerTable table = TriggerTable.read(files, definitions, problems);
        List<RuleInfo> rules = new ArrayList<>(DrlChecker.check(files, definitions, problems));
        rules.addAll(table.rules(rules, problems));
        boolean parsed = problems.stream().noneMatch(p -> p.message().startsWith("syntax error") || p.message().startsWith("cannot be parsed"));
        String hash = files.hash();
        // The table's rows are facts, not code: what is compiled (and cached, under its own hash) leaves them out,
        // so a changed row finds the compiled rules in the cache. Compile even when the YAML has problems, so a
        // coach sees DRL type errors in the same run.
        // Translations are words, not code either: editing them does not recompile the rules.
        RuleFiles compiled = table.compiled(files).withoutFolder(Translations.FOLDER);
        String compiledHash = compiled.hash();
        RuleCompiler.Report report = new RuleCompiler.Report();
        int lexical = problems.size();
        KieBase kieBase;
        if (previous != null && previous.compiledHash.equals(compiledHash)) {
            // Checked when it was compiled; an edit of data leaves it as it was.
            kieBase = previous.kieBase;
            report.ruleOfClass.putAll(previous.ruleOfClass);
            report.fromCache = true;
        } else {
            kieBase = parsed && !compiled.paths(".drl").isEmpty() ? RuleCompiler.compile(compiled, compiledHash, rules, problems, cache, report) : null;
        }
        // Where the bytecode check names the rule and what it reaches, the lexical note on the same line says less.
        Set<String> named = problems.subList(lexical, problems.size()).stream().filter(p -> p.message().startsWith("rule \""))
                .map(Problem::place).collect(Collectors.toSet());
        problems.subList(0, lexical).removeIf(p -> named.contains(p.place()) && (p.message().startsWith("uses ") || p.message().startsWith("names ")));
        Translations translations = problems.isEmpty() ? Translations.read(files, definitions, rules, problems) : Translations.NONE;
        if (!problems.isEmpty() || kieBase == null) {
            if (problems.isEmpty()) {
                problems.add(new Problem(files.origin(), "the rules could not be compiled"));
            }
            throw new RuleSetException(files.origin(), problems);
        }
        return new KnowledgeBase(files.origin(), hash, definitions, rules, table.rows(), compiledHash, kieBase, report, translations);
    }

    /** "sha256:…" over the rule set's files: two advices with the same hash came from the same rules. */
    public String hash() {
        return hash;
    }

    /** True when the compiled rules came from the compiled-rules cache (checked like a fresh compile) rather than a compile. */
    public boolean fromCache() {
        return fromCache;
    }

    /** How long the bytecode check of the compiled rules took in this load (docs/security-rules.md). */
    public Duration checkTime() {
        return checkTime;
    }

    /** Where the rules were read from. */
    public String origin() {
        return origin;
    }

    public List<RuleInfo> rules() {
        return rules;
    }

    /** The rows of the trigger table (triggers.csv), in row order; each is also a rule of {@link #rules()} by the same name. */
    public List<Trigger> triggers() {
        return triggers;
    }

    public Optional<RuleInfo> rule(String name) {
        return Optional.ofNullable(rulesByName.get(name));
    }

    public SortedMap<String, Source> sources() {
        return definitions.sources();
    }

    public SortedMap<String, Indicator> indicators() {
        return definitions.indicators();
    }

    public SortedMap<String, Metric> metrics() {
        return definitions.metrics();
    }

    public SortedMap<String, Goal> goals() {
        return definitions.goals();
    }

    public SortedMap<String, Action> actions() {
        return definitions.actions();
    }

    public SortedMap<String, Partner> partners() {
        return definitions.partners();
    }

    public SortedMap<String, Programme> programmes() {
        return definitions.programmes();
    }

    /** The State Digital Equity Plan fields of rules/ntia.yaml, by id; empty when the rule set has none. */
    public SortedMap<String, NtiaField> ntia() {
        return definitions.ntia();
    }

    public List<GroupLabel> groups() {
        return definitions.groups();
    }

    /** How advice fits the district's size (rules/fit.yaml); {@link Fit#NONE} without that file. */
    public Fit fit() {
        return definitions.fit() == null ? Fit.NONE : definitions.fit();
    }

    public Ranking ranking() {
        return definitions.ranking();
    }

    /** How a sentence names a group: "low-income students", "Hispanic students"; the id itself when unknown. */
    public String groupName(String group) {
        return definitions.groups().stream().filter(g -> g.matches(group)).findFirst().map(g -> g.name(group)).orElse(group);
    }

    /** The sources' citations, in the order given: "Title (Publisher, Year)". */
    public List<String> cite(Collection<String> sourceIds) {
        return sourceIds.stream().map(definitions.sources()::get).filter(s -> s != null).map(Source::citation).toList();
    }

    /** Every problem of an assessment against this framework (unknown ids, levels, ranges), each with its path. */
    public List<Problem> validate(Assessment assessment) {
        return AssessmentCheck.problems(assessment, definitions);
    }

    /**
     * The rule whose generated code a thread is running, from its stack: how a run stopped inside a
     * condition or a consequence names the rule at fault.
     */
    public Optional<RuleInfo> ruleRunning(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String rule = ruleOfClass.get(frame.getClassName());
            if (rule != null) {
                return rule(rule);
            }
        }
        return Optional.empty();
    }

    /** The compiled rules, for the advise package; integrators use {@code Advisor}. */
    public KieBase kieBase() {
        return kieBase;
    }
}
