package org.equityadvisor.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.advise.Explanation;
import org.equityadvisor.advise.Firing;
import org.equityadvisor.advise.RuleBudgetException;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.RuleInfo;
import org.equityadvisor.knowledge.RuleSetException;
import org.equityadvisor.knowledge.YamlDocument;
import org.equityadvisor.knowledge.YamlEntry;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Finding;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.Reason;
import org.equityadvisor.model.SuggestedAction;
import org.equityadvisor.model.SuggestedGoal;
import org.equityadvisor.model.SuggestedPartner;

/**
 * The rule set's own test suite: every {@code *.yaml} of a scenarios folder is an assessment plus an
 * {@code expect:} block. Running it checks each expectation and measures what the suite exercised.
 */
public final class ScenarioSuite {

    private static final Set<String> HEAD = Set.of("name", "description", "expect");
    private static final Set<String> EXPECT = Set.of("suggest", "notSuggest", "top", "findings", "noFindings", "fired", "notFired");
    private static final Set<String> FINDING = Set.of("kind", "id", "group", "severity", "confidence");
    private static final List<String> KINDS = List.of(Finding.GAP, Finding.WEAKNESS, Finding.STRENGTH, Finding.DATA_GAP, Finding.WARNING, Finding.INFERRED);

    private final KnowledgeBase kb;
    private final List<Scenario> scenarios;

    private ScenarioSuite(KnowledgeBase kb, List<Scenario> scenarios) {
        this.kb = kb;
        this.scenarios = List.copyOf(scenarios);
    }

    /** Reads every scenario of a folder, in file-name order; unreadable ones are kept with their problems. */
    public static ScenarioSuite load(Path dir, KnowledgeBase kb) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), new Problem(dir.toString(), "is not a folder of scenarios"));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : files) {
            scenarios.add(read(file, kb));
        }
        return new ScenarioSuite(kb, scenarios);
    }

    static Scenario read(Path file, KnowledgeBase kb) {
        String fallback = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        try {
            YamlDocument doc = YamlDocument.parse(file.toString(), AssessmentReader.text(file));
            List<Problem> problems = new ArrayList<>();
            // The assessment reader judges the other top-level fields; here every present field is allowed.
            Set<String> present = new TreeSet<>();
            doc.root().fieldNames().forEachRemaining(present::add);
            YamlEntry root = YamlEntry.of(doc, doc.root(), "", problems, present);
            String name = root.valid() ? root.text("name", false) : null;
            String description = root.valid() ? root.text("description", false) : null;
            Expectations expect = expectations(root, kb, problems);
            Assessment assessment = null;
            try {
                assessment = new AssessmentReader(kb).read(doc, HEAD);
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
            if (!problems.isEmpty()) {
                throw new InputException(file.toString(), problems);
            }
            return new Scenario(name == null ? fallback : name, file.toString(), description, assessment, expect, List.of());
        } catch (InputException e) {
            return new Scenario(fallback, file.toString(), null, null, null, e.problems());
        }
    }

    private static Expectations expectations(YamlEntry root, KnowledgeBase kb, List<Problem> problems) {
        YamlEntry e = root.valid() ? root.child("expect", true, EXPECT) : null;
        if (e == null || !e.valid()) {
            if (root.valid() && !root.has("expect")) {
                root.problem("expect", "a scenario needs an expect: block (suggest, notSuggest, top, findings, noFindings, fired, notFired)");
            }
            return null;
        }
        List<Expectations.Expected> suggest = new ArrayList<>();
        JsonNode list = e.node("suggest");
        if (list != null && list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                if (item.isTextual()) {
                    suggest.add(new Expectations.Expected(item.asText(), null));
                } else {
                    YamlEntry x = YamlEntry.of(root.document(), item, "expect.suggest[" + i + "]", problems, Set.of("id", "rule"));
                    String id = x.text("id", true);
                    String rule = x.text("rule", false);
                    if (id != null) {
                        suggest.add(new Expectations.Expected(id, rule));
                    }
                    if (rule != null && kb.rule(rule).isEmpty()) {
                        x.problem("rule", "no rule is named \"" + rule + "\"");
                    }
                }
            }
        } else if (list != null) {
            e.problem("suggest", "expected a list of ids, or of id: and rule:");
        }
        List<String> notSuggest = e.texts("notSuggest", false);
        int topN = 0;
        List<String> topGoals = List.of();
        YamlEntry top = e.child("top", false, Set.of("n", "goals"));
        if (top != null && top.valid()) {
            Integer n = top.integer("n", true);
            topGoals = top.texts("goals", true);
            topN = n == null ? 0 : n;
            if (n != null && n < topGoals.size()) {
                top.problem("n", n + " is smaller than the number of goals listed");
            }
        }
        List<Expectations.FindingPattern> findings = patterns(e, root, "findings", problems);
        List<Expectations.FindingPattern> noFindings = patterns(e, root, "noFindings", problems);
        List<String> fired = e.texts("fired", false);
        List<String> notFired = e.texts("notFired", false);
        for (String field : List.of("fired", "notFired")) {
            for (String rule : e.texts(field, false)) {
                if (kb.rule(rule).isEmpty()) {
                    e.problem(field, "no rule is named \"" + rule + "\"");
                }
            }
        }
        Stream.concat(suggest.stream().map(Expectations.Expected::id), Stream.concat(notSuggest.stream(), topGoals.stream())).forEach(id -> {
            if (!kb.goals().containsKey(id) && !kb.actions().containsKey(id) && !kb.partners().containsKey(id)) {
                root.problem("expect", "'" + id + "' is not a goal, action or partner of the catalog");
            }
        });
        Expectations x = new Expectations(suggest, notSuggest, topN, topGoals, findings, noFindings, fired, notFired);
        if (x.empty()) {
            root.problem("expect", "expects nothing: a scenario that cannot fail tests nothing");
        }
        return x;
    }

    private static List<Expectations.FindingPattern> patterns(YamlEntry e, YamlEntry root, String field, List<Problem> problems) {
        List<Expectations.FindingPattern> out = new ArrayList<>();
        JsonNode list = e.node(field);
        if (list == null) {
            return out;
        }
        if (!list.isArray()) {
            e.problem(field, "expected a list of findings, each with kind: and id:");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            YamlEntry f = YamlEntry.of(root.document(), list.get(i), "expect." + field + "[" + i + "]", problems, FINDING);
            String kind = f.text("kind", true);
            String id = f.text("id", true);
            if (kind != null && !KINDS.contains(kind)) {
                f.problem("kind", "'" + kind + "' is not one of " + String.join(", ", KINDS));
            }
            String severity = f.text("severity", false);
            if (severity != null && !severity.equals("severe") && !severity.equals("flag")) {
                f.problem("severity", "'" + severity + "' is not severe or flag");
            }
            String confidence = f.text("confidence", false);
            if (confidence != null && !confidence.equals(Finding.LOW_CONFIDENCE)) {
                f.problem("confidence", "'" + confidence + "' is not low (the only confidence the advisor marks)");
            }
            if (kind != null && id != null) {
                out.add(new Expectations.FindingPattern(kind, id, f.text("group", false), severity, confidence));
            }
        }
        return out;
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    /**
     * Runs every scenario, then the generated firing case and near misses of every row of the trigger table.
     * Rule failures at run time fail the case; they do not stop the suite.
     */
    public SuiteResult run(Advisor advisor) {
        // Cases are independent and the advisor is thread-safe: run them on every core, keep them in order.
        // A rule set that runs away stops the suite: the other cases would each wait out the same budget.
        AtomicReference<String> runaway = new AtomicReference<>();
        List<Outcome> scenarioOutcomes = scenarios.parallelStream().map(s -> run(advisor, s, runaway)).toList();
        List<Outcome> generatedOutcomes = new TriggerCases(kb).all().parallelStream().map(s -> run(advisor, s, runaway)).toList();
        Set<String> fired = new TreeSet<>();
        Set<String> nearMissed = new TreeSet<>();
        // The catalog's coverage comes from whole districts only: a generated case suggests what its row names by construction.
        Set<String> suggested = new TreeSet<>();
        for (Outcome o : scenarioOutcomes) {
            fired.addAll(o.result().fired());
            nearMissed.addAll(o.nearMissed());
            suggested.addAll(o.suggested());
        }
        for (Outcome o : generatedOutcomes) {
            fired.addAll(o.result().fired());
            nearMissed.addAll(o.nearMissed());
        }
        List<String> neverFired = kb.rules().stream().map(RuleInfo::name).filter(r -> !fired.contains(r)).sorted().toList();
        List<String> noNearMiss = kb.rules().stream().map(RuleInfo::name).filter(r -> !nearMissed.contains(r)).sorted().toList();
        List<String> neverSuggested = Stream.of(kb.goals().keySet(), kb.actions().keySet(), kb.partners().keySet())
                .flatMap(Set::stream).filter(id -> !suggested.contains(id)).sorted().toList();
        return new SuiteResult(scenarioOutcomes.stream().map(Outcome::result).toList(), generatedOutcomes.stream().map(Outcome::result).toList(),
                new Coverage(neverFired, noNearMiss, neverSuggested));
    }

    /** One case's result with what it adds to the suite's coverage. */
    private record Outcome(ScenarioResult result, List<String> nearMissed, List<String> suggested) {
    }

    private static Outcome run(Advisor advisor, Scenario s, AtomicReference<String> runaway) {
        if (!s.readable()) {
            return new Outcome(new ScenarioResult(s, s.problems().stream().map(Problem::toString).toList(), List.of()), List.of(), List.of());
        }
        if (runaway.get() != null) {
            return new Outcome(new ScenarioResult(s, List.of("not run: the rule set went past its budget in " + runaway.get()), List.of()), List.of(),
                    List.of());
        }
        try {
            Explanation explanation = advisor.explain(s.assessment());
            return new Outcome(new ScenarioResult(s, check(s.expect(), explanation), explanation.firings().stream().map(Firing::rule).distinct().toList()),
                    s.expect().notFired(), explanation.advice().suggestedIds().toList());
        } catch (RuleBudgetException e) {
            runaway.compareAndSet(null, s.file());
            return new Outcome(new ScenarioResult(s, List.of(e.getMessage()), List.of()), List.of(), List.of());
        } catch (InputException | RuleSetException e) {
            return new Outcome(new ScenarioResult(s, List.of(e.getMessage()), List.of()), List.of(), List.of());
        }
    }

    static List<String> check(Expectations x, Explanation explanation) {
        Advice advice = explanation.advice();
        List<String> failures = new ArrayList<>();
        Set<String> ids = new TreeSet<>(advice.suggestedIds().toList());
        for (Expectations.Expected e : x.suggest()) {
            if (!ids.contains(e.id())) {
                failures.add("expected " + e.id() + " to be suggested; it was not" + dropped(explanation, e.id()));
            } else if (e.rule() != null && !reasons(advice, e.id()).contains(e.rule())) {
                failures.add("expected " + e.id() + " to be suggested because of rule \"" + e.rule() + "\"; its reasons came from "
                        + reasons(advice, e.id()));
            }
        }
        for (String id : x.notSuggest()) {
            if (ids.contains(id)) {
                failures.add("expected " + id + " not to be suggested; it was, because of " + reasons(advice, id));
            }
        }
        if (!x.topGoals().isEmpty()) {
            List<String> top = advice.goals().stream().limit(x.topN()).map(SuggestedGoal::id).toList();
            for (String goal : x.topGoals()) {
                if (!top.contains(goal)) {
                    failures.add("expected " + goal + " among the first " + x.topN() + " goals; they were " + top);
                }
            }
        }
        for (Expectations.FindingPattern p : x.findings()) {
            if (advice.findings().stream().noneMatch(f -> matches(p, f))) {
                failures.add("expected the finding " + p + "; it is not among " + summary(advice.findings()));
            }
        }
        for (Expectations.FindingPattern p : x.noFindings()) {
            advice.findings().stream().filter(f -> matches(p, f)).findFirst()
                    .ifPresent(f -> failures.add("expected no finding " + p + "; found: " + f.text()));
        }
        Set<String> fired = new TreeSet<>(explanation.firings().stream().map(Firing::rule).toList());
        for (String rule : x.fired()) {
            if (!fired.contains(rule)) {
                failures.add("expected rule \"" + rule + "\" to fire; it did not");
            }
        }
        for (String rule : x.notFired()) {
            if (fired.contains(rule)) {
                failures.add("expected rule \"" + rule + "\" not to fire (near miss); it fired");
            }
        }
        return failures;
    }

    private static String dropped(Explanation explanation, String id) {
        return explanation.decisions().stream().filter(d -> d.id().equals(id) && d.outcome().equals("dropped")).findFirst()
                .map(d -> " (dropped: " + d.reason() + ")").orElse("");
    }

    private static boolean matches(Expectations.FindingPattern p, Finding f) {
        return p.kind().equals(f.kind()) && p.id().equals(f.id())
                && (p.group() == null || p.group().equals(f.group()))
                && (p.severity() == null || p.severity().equals(f.severity()))
                && (p.confidence() == null || p.confidence().equals(f.confidence()));
    }

    private static String summary(List<Finding> findings) {
        return findings.stream().map(f -> f.kind() + " " + f.id() + (f.group() == null ? "" : " for " + f.group())).toList().toString();
    }

    /** The rules behind a suggested id, wherever it appears in the advice. */
    static Set<String> reasons(Advice advice, String id) {
        Set<String> rules = new TreeSet<>();
        for (SuggestedGoal g : advice.goals()) {
            if (g.id().equals(id)) {
                g.because().stream().map(Reason::rule).forEach(rules::add);
            }
            for (SuggestedAction a : g.actions()) {
                if (a.id().equals(id)) {
                    a.because().stream().map(Reason::rule).forEach(rules::add);
                }
            }
            for (SuggestedPartner p : g.partners()) {
                if (p.id().equals(id)) {
                    p.because().stream().map(Reason::rule).forEach(rules::add);
                }
            }
        }
        return rules;
    }
}
