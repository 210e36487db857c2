package org.equityadvisor.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.imports.PublicFigures;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.RuleSetException;
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
 * What changing a rule set does to the advice: both rule sets advise every district given (scenarios,
 * assessments, the bundled public districts) and the report lists, per district, the goals, actions,
 * partners and findings added, dropped or re-ranked, and, per scenario, whether its expectations still
 * hold. A coach reads it before sharing a rule set; the server's coach page shows it before a reload.
 *
 * <pre>{@code
 * DiffReport report = RuleSetDiff.compare(shipped, edited, RuleSetDiff.Districts.of(Path.of("scenarios"), null, "all"));
 * String markdown = report.render(DiffReport.Format.MARKDOWN);
 * }</pre>
 */
public final class RuleSetDiff {

    private RuleSetDiff() {
    }

    /**
     * The districts to compare over.
     *
     * @param scenarios   a scenarios folder (each file's expectations are checked under both rule sets), or null
     * @param assessments a folder of assessment files (*.yaml, *.yml, *.json), or null
     * @param publicState "all" for every district of the bundled public figures, a state's code or name for
     *                    its districts, or null for none
     */
    public record Districts(Path scenarios, Path assessments, String publicState) {

        public static Districts of(Path scenarios, Path assessments, String publicState) {
            return new Districts(scenarios, assessments, publicState);
        }

        /** The public districts asked for; throws InputException naming an unknown state. */
        List<PublicFigures.DistrictFigures> publicDistricts() {
            if (publicState == null || publicState.isBlank()) {
                return List.of();
            }
            PublicFigures table = PublicFigures.bundled();
            List<PublicFigures.DistrictFigures> all = publicState.equalsIgnoreCase("all") ? table.districts() : table.inState(publicState);
            if (all.isEmpty()) {
                throw new InputException("--public", new Problem("--public", "'" + publicState + "' is neither all nor a state of the public figures "
                        + table.states()));
            }
            // Placeholder rows count no children: there is nothing to advise on (PublicFigures.starter refuses them).
            return all.stream().filter(d -> d.children() > 0).toList();
        }
    }

    /** Compares the advice of two rule sets over the districts given. Deterministic: the same inputs give the same report. */
    public static DiffReport compare(KnowledgeBase before, KnowledgeBase after, Districts districts) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        List<DiffReport.DistrictDiff> out = new ArrayList<>();
        List<DiffReport.OutcomeChange> outcomes = new ArrayList<>();
        List<Problem> skipped = new ArrayList<>();
        int compared = 0;
        Advisor oldAdvisor = new Advisor(before);
        Advisor newAdvisor = new Advisor(after);
        if (districts.scenarios() != null) {
            ScenarioSuite oldSuite = ScenarioSuite.load(districts.scenarios(), before);
            ScenarioSuite newSuite = ScenarioSuite.load(districts.scenarios(), after);
            SuiteResult oldRun = oldSuite.run(oldAdvisor);
            SuiteResult newRun = newSuite.run(newAdvisor);
            Map<String, ScenarioResult> newByFile = new LinkedHashMap<>();
            newRun.results().forEach(r -> newByFile.put(r.scenario().file(), r));
            for (ScenarioResult o : oldRun.results()) {
                ScenarioResult n = newByFile.get(o.scenario().file());
                if (n == null) {
                    continue;
                }
                if (o.passed() != n.passed()) {
                    outcomes.add(new DiffReport.OutcomeChange(o.scenario().name(), o.scenario().file(), o.passed(), n.passed(),
                            o.passed() ? n.failures() : o.failures()));
                }
                Scenario s = o.scenario().readable() ? o.scenario() : n.scenario();
                if (!o.scenario().readable() || !n.scenario().readable()) {
                    skipped.add(new Problem(s.file(), "cannot be read under both rule sets, so its advice was not compared"));
                    continue;
                }
                compared++;
                compare(DiffReport.Kind.SCENARIO, s.name(), s.file(), () -> oldAdvisor.advise(o.scenario().assessment()),
                        () -> newAdvisor.advise(n.scenario().assessment()), out, skipped);
            }
        }
        if (districts.assessments() != null) {
            for (Path file : assessmentFiles(districts.assessments())) {
                compared++;
                String name = file.getFileName().toString();
                compare(DiffReport.Kind.ASSESSMENT, name, file.toString(), () -> oldAdvisor.advise(new AssessmentReader(before).read(file)),
                        () -> newAdvisor.advise(new AssessmentReader(after).read(file)), out, skipped);
            }
        }
        List<PublicFigures.DistrictFigures> publicDistricts = districts.publicDistricts();
        if (!publicDistricts.isEmpty()) {
            PublicFigures table = PublicFigures.bundled();
            // Advisors are thread-safe and hold no state: the public table is compared on every core, in table order.
            List<Result> each = publicDistricts.parallelStream().map(d -> {
                Result one = new Result(new ArrayList<>(), new ArrayList<>());
                Assessment a = table.starter(d);
                compare(DiffReport.Kind.PUBLIC, d.name() + " (" + d.state() + ")", "NCES " + d.leaid(), () -> oldAdvisor.advise(a),
                        () -> newAdvisor.advise(a), one.diffs(), one.skipped());
                return one;
            }).toList();
            each.forEach(r -> {
                out.addAll(r.diffs());
                skipped.addAll(r.skipped());
            });
            compared += publicDistricts.size();
        }
        return new DiffReport(before.hash(), before.origin(), after.hash(), after.origin(), compared, out, outcomes, skipped);
    }

    private static List<Path> assessmentFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException("--assessments", new Problem(dir.toString(), "is not a folder of assessments"));
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static void compare(DiffReport.Kind kind, String name, String file, java.util.function.Supplier<Advice> before,
            java.util.function.Supplier<Advice> after, List<DiffReport.DistrictDiff> out, List<Problem> skipped) {
        Advice a;
        Advice b;
        try {
            a = before.get();
            b = after.get();
        } catch (InputException | RuleSetException e) {
            skipped.add(new Problem(file, "not compared: " + e.getMessage()));
            return;
        }
        DiffReport.DistrictDiff diff = diff(kind, name, file, a, b);
        if (diff.changed()) {
            out.add(diff);
        }
    }

    /** The differences between two advices for one district. */
    static DiffReport.DistrictDiff diff(DiffReport.Kind kind, String name, String file, Advice before, Advice after) {
        List<DiffReport.Change> goals = ranked(goalRanks(before), goalRanks(after));
        List<DiffReport.Change> actions = ranked(actionRanks(before), actionRanks(after));
        List<DiffReport.Change> partners = ranked(partnerRanks(before), partnerRanks(after)).stream()
                .filter(c -> c.change() != DiffReport.ChangeKind.RERANKED).toList();
        List<DiffReport.Change> findings = ranked(findingKeys(before), findingKeys(after));
        goals = withExplained(goals, explained(before.goals().stream().map(g -> new Explained(g.id(), g.score(), g.because()))),
                explained(after.goals().stream().map(g -> new Explained(g.id(), g.score(), g.because()))));
        actions = withExplained(actions, explained(before.goals().stream().flatMap(g -> g.actions().stream()).map(a -> new Explained(a.id(), a.score(), a.because()))),
                explained(after.goals().stream().flatMap(g -> g.actions().stream()).map(a -> new Explained(a.id(), a.score(), a.because()))));
        partners = withExplained(partners, explained(before.goals().stream().flatMap(g -> g.partners().stream()).map(p -> new Explained(p.id(), p.score(), p.because()))),
                explained(after.goals().stream().flatMap(g -> g.partners().stream()).map(p -> new Explained(p.id(), p.score(), p.because()))));
        return new DiffReport.DistrictDiff(kind, name, file, goals, actions, partners, findings);
    }

    /** What a suggestion says for itself: its score and its reasons. */
    private record Explained(String id, double score, List<Reason> because) {
    }

    private static Map<String, Explained> explained(Stream<Explained> all) {
        Map<String, Explained> out = new LinkedHashMap<>();
        all.forEach(e -> out.putIfAbsent(e.id(), e));
        return out;
    }

    /** Adds, for ids kept in place, a change when their score or reasons differ: a "same advice" verdict must mean the same words. */
    private static List<DiffReport.Change> withExplained(List<DiffReport.Change> changes, Map<String, Explained> before, Map<String, Explained> after) {
        List<DiffReport.Change> out = new ArrayList<>(changes);
        for (Explained b : before.values()) {
            Explained a = after.get(b.id());
            if (a == null) {
                continue;
            }
            if (Math.abs(a.score() - b.score()) > 1e-9) {
                out.add(new DiffReport.Change(b.id(), DiffReport.ChangeKind.REEXPLAINED, String.format(java.util.Locale.ROOT, "score %.3f", b.score()),
                        String.format(java.util.Locale.ROOT, "score %.3f", a.score())));
            } else if (!a.because().equals(b.because())) {
                out.add(new DiffReport.Change(b.id(), DiffReport.ChangeKind.REEXPLAINED, reasons(b.because()), reasons(a.because())));
            }
        }
        return out;
    }

    private static String reasons(List<Reason> because) {
        return because.stream().map(r -> r.rule() + ": " + r.text()).collect(java.util.stream.Collectors.joining(" | "));
    }

    private static Map<String, String> goalRanks(Advice advice) {
        Map<String, String> out = new LinkedHashMap<>();
        advice.goals().forEach(g -> out.put(g.id(), Integer.toString(g.rank())));
        return out;
    }

    /** An action's place: its goal and its position among that goal's steps. */
    private static Map<String, String> actionRanks(Advice advice) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SuggestedGoal g : advice.goals()) {
            List<SuggestedAction> actions = g.actions();
            for (int i = 0; i < actions.size(); i++) {
                out.putIfAbsent(actions.get(i).id(), g.id() + " #" + (i + 1));
            }
        }
        return out;
    }

    private static Map<String, String> partnerRanks(Advice advice) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SuggestedGoal g : advice.goals()) {
            for (SuggestedPartner p : g.partners()) {
                out.putIfAbsent(p.id(), g.id());
            }
        }
        return out;
    }

    private static Map<String, String> findingKeys(Advice advice) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Finding f : advice.findings()) {
            String key = f.kind() + " " + f.id() + (f.group() == null || f.group().equals("all") ? "" : " for " + f.group());
            out.putIfAbsent(key, f.severity() == null ? "" : f.severity());
        }
        return out;
    }

    private static List<DiffReport.Change> ranked(Map<String, String> before, Map<String, String> after) {
        List<DiffReport.Change> out = new ArrayList<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            String was = before.get(e.getKey());
            if (was == null) {
                out.add(new DiffReport.Change(e.getKey(), DiffReport.ChangeKind.ADDED, null, e.getValue()));
            } else if (!was.equals(e.getValue())) {
                out.add(new DiffReport.Change(e.getKey(), DiffReport.ChangeKind.RERANKED, was, e.getValue()));
            }
        }
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                out.add(new DiffReport.Change(e.getKey(), DiffReport.ChangeKind.DROPPED, e.getValue(), null));
            }
        }
        return out;
    }

    /** How often each id was added (or dropped) across the changed districts, most first, ties by id. */
    static List<DiffReport.Count> most(List<DiffReport.DistrictDiff> districts, DiffReport.ChangeKind kind) {
        Map<String, Integer> counts = new TreeMap<>();
        for (DiffReport.DistrictDiff d : districts) {
            Stream.of(d.goals(), d.actions(), d.partners()).flatMap(List::stream).filter(c -> c.change() == kind)
                    .map(DiffReport.Change::id).distinct().forEach(id -> counts.merge(id, 1, Integer::sum));
        }
        return counts.entrySet().stream().map(e -> new DiffReport.Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(DiffReport.Count::districts).reversed().thenComparing(DiffReport.Count::id, Comparator.naturalOrder()))
                .toList();
    }

    private record Result(List<DiffReport.DistrictDiff> diffs, List<Problem> skipped) {
    }
}
