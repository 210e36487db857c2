package org.equityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.export.AdviceWriter;
import org.equityadvisor.export.PlanWriter;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.YamlDocument;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.SuggestedGoal;
import org.equityadvisor.plan.DraftPlan;
import org.equityadvisor.plan.PlanCheck;
import org.equityadvisor.plan.PlanFile;
import org.equityadvisor.testing.Fixtures;
import org.equityadvisor.testing.Mutations;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing, in-process, of what a district leader hands the tool: mutated copies of the bundled
 * scenarios go through {@code advise} and {@code plan draft} (reader, advisor, draft, rubric check, every
 * export), and mutated plans through the plan file reader, the plan edits and the exports. No input may
 * crash anything: each is either accepted or refused with an {@link InputException} whose every problem
 * names its place (file and line for a document, the field otherwise). Markdown and JSON are written for
 * every case, Word and PDF for a sample. Run a different seed or more cases with -Dfuzz.seed=N
 * -Dfuzz.cases=N; the summary (cases, refusals by kind, crashes) goes to the test's output.
 */
class InputFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_260_801L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 10_000);
    /** One case in this many also goes through the Word and PDF writers, which take tens of milliseconds each. */
    private static final int BINARY_SAMPLE = 40;
    /** A hang guard, not a speed target: the slowest accepted case (a few hundred rows) takes about a second. */
    private static final long CASE_SECONDS = 120;
    private static final Set<String> SCENARIO_FIELDS = Set.of("name", "description", "expect");
    /** A place in a document: "name:line" and maybe ":column", then maybe ": path". */
    private static final String PLACE_IN_DOCUMENT = "%s:\\d+(:\\d+)?(: \\S.*)?";

    private final KnowledgeBase kb = Fixtures.bundled();
    private final AssessmentReader reader = new AssessmentReader(kb);
    private final Advisor advisor = new Advisor(kb);
    private final DraftPlan drafts = new DraftPlan(kb);

    private final Map<String, Integer> refusals = new TreeMap<>();
    private final Map<String, String> refusalExamples = new TreeMap<>();
    private final Map<String, Integer> accepted = new TreeMap<>();
    private final Map<String, List<String>> crashes = new TreeMap<>();
    private final List<String> unplaced = new ArrayList<>();
    private int unplacedCount;
    private int binaries;

    @Test
    void noMutatedAssessmentOrPlanCrashesAdviseDraftTheReaderOrTheExports() throws Exception {
        Map<String, String> scenarios = scenarios();
        Map<String, String> plans = plans(scenarios);
        Mutations mutations = new Mutations(SEED);
        List<String> scenarioNames = List.copyOf(scenarios.keySet());
        List<String> planNames = List.copyOf(plans.keySet());
        long began = System.nanoTime();
        ExecutorService worker = Executors.newSingleThreadExecutor(InputFuzzTest::daemon);
        try {
            for (int i = 0; i < CASES; i++) {
                boolean assessment = i % 5 < 3;
                String seed = assessment ? scenarioNames.get(mutations.random().nextInt(scenarioNames.size()))
                        : planNames.get(mutations.random().nextInt(planNames.size()));
                Mutations.Case c = mutations.mutate(seed, assessment ? scenarios.get(seed) : plans.get(seed), assessment);
                // Unprintable text and odd dates are what break the Word and PDF writers: sample those more.
                boolean odd = c.kinds().contains("unicode") || c.kinds().contains("date") || c.kinds().contains("stray-character");
                boolean binary = i % BINARY_SAMPLE == 0 || odd && i % (BINARY_SAMPLE / 4) == 1;
                long options = mutations.random().nextLong();
                Future<?> run = worker.submit(() -> {
                    if (assessment) {
                        assessmentCase(c, binary, options);
                    } else {
                        planCase(c, binary, options);
                    }
                });
                try {
                    run.get(CASE_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    crash("hang", c, new IllegalStateException("no answer within " + CASE_SECONDS + " s"));
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor(InputFuzzTest::daemon);
                } catch (ExecutionException e) {
                    crash("harness", c, e.getCause());
                }
            }
        } finally {
            worker.shutdownNow();
        }
        report(System.nanoTime() - began);
        assertThat(crashes).as("crashes (stage, exception, where) with their first cases").isEmpty();
        assertThat(unplaced).as("refusals with a problem that does not name its place").isEmpty();
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "fuzz");
        t.setDaemon(true);
        return t;
    }

    // --- the cases ---------------------------------------------------------------------------------------

    /** What advise and plan draft do with an assessment file (cli.Inputs reads it the same way). */
    private void assessmentCase(Mutations.Case c, boolean binary, long options) {
        Assessment assessment;
        Advice advice;
        try {
            assessment = reader.read(YamlDocument.parse(c.name(), c.text()), SCENARIO_FIELDS);
        } catch (InputException e) {
            refused("assessment", e, c, c.name());
            return;
        } catch (RuntimeException | StackOverflowError e) {
            crash("read assessment", c, e);
            return;
        }
        try {
            advice = advisor.advise(assessment);
            for (AdviceWriter.Format f : AdviceWriter.Format.values()) {
                AdviceWriter.write(advice, f);
            }
        } catch (InputException e) {
            refused("advise", e, c, null);
            return;
        } catch (RuntimeException | StackOverflowError e) {
            crash("advise", c, e);
            return;
        }
        Plan plan;
        try {
            java.util.Random r = new java.util.Random(options);
            LocalDate start = r.nextInt(4) == 0 ? LocalDate.of(1980 + r.nextInt(140), 1 + r.nextInt(12), 1 + r.nextInt(28)) : null;
            if (r.nextBoolean()) {
                plan = drafts.draftTop(assessment, advice, r.nextInt(5), start);
            } else {
                List<String> ids = new ArrayList<>(advice.goals().stream().map(SuggestedGoal::id).limit(r.nextInt(4)).toList());
                if (r.nextInt(4) == 0) {
                    ids.add(r.nextBoolean() ? "G-NOPE" : ids.isEmpty() ? "G-DATA" : ids.get(0));
                }
                plan = drafts.draft(assessment, advice, ids, start);
            }
        } catch (InputException e) {
            refused("draft", e, c, null);
            return;
        } catch (RuntimeException | StackOverflowError e) {
            crash("draft", c, e);
            return;
        }
        accepted.merge("assessment", 1, Integer::sum);
        if (c.name().endsWith(".yaml") && hasAlias(c.text())) {
            crash("alias accepted", c, new IllegalStateException("a YAML alias was read as the text of its name"));
        }
        exports("drafted plan", plan, c, binary);
    }

    /** What plan check, export, accept and remove do with a plan file. */
    private void planCase(Mutations.Case c, boolean binary, long options) {
        Plan plan;
        try {
            plan = PlanFile.read(c.name(), c.text());
        } catch (InputException e) {
            refused("plan file", e, c, c.name());
            return;
        } catch (RuntimeException | StackOverflowError e) {
            crash("read plan", c, e);
            return;
        }
        accepted.merge("plan file", 1, Integer::sum);
        if (!exports("plan file", plan, c, binary)) {
            return;
        }
        java.util.Random r = new java.util.Random(options);
        Plan edited;
        try {
            edited = edit(plan, r);
        } catch (InputException e) {
            refused("plan edit", e, c, null);
            return;
        } catch (RuntimeException | StackOverflowError e) {
            crash("plan edit", c, e);
            return;
        }
        exports("edited plan", edited, c, false);
    }

    private Plan edit(Plan plan, java.util.Random r) {
        List<PlanGoal> goals = plan.goals();
        String goal = goals.isEmpty() || r.nextInt(5) == 0 ? "G-CONNECT" : goals.get(r.nextInt(goals.size())).id();
        String[] actions = {"AS-04", "AS-07", "AS-10", "AS-44", "AS-99"};
        String[] partners = {"PT-04", "PT-07", "PT-99"};
        return switch (r.nextInt(6)) {
            case 0 -> drafts.acceptGoal(plan, plan.advice() == null || plan.advice().goals().isEmpty() ? "G-DATA"
                    : plan.advice().goals().get(r.nextInt(plan.advice().goals().size())).id());
            case 1 -> drafts.removeGoal(plan, goal);
            case 2 -> drafts.acceptAction(plan, goal, actions[r.nextInt(actions.length)]);
            case 3 -> drafts.removeAction(plan, goal, goals.isEmpty() || goals.get(0).steps().isEmpty() ? "AS-04" : goals.get(0).steps().get(0).id());
            case 4 -> drafts.acceptPartner(plan, goal, partners[r.nextInt(partners.length)]);
            default -> drafts.removePartner(plan, goal, partners[r.nextInt(partners.length)]);
        };
    }

    /**
     * The rubric check and the exports of a plan the library made or accepted: none may fail, and its JSON
     * must read back into an equal plan (what the tool writes, it must read).
     */
    private boolean exports(String stage, Plan plan, Mutations.Case c, boolean binary) {
        try {
            PlanCheck.of(plan);
            PlanWriter.write(plan, PlanWriter.Format.MD);
            String json = new String(PlanWriter.write(plan, PlanWriter.Format.JSON), StandardCharsets.UTF_8);
            Plan back = PlanFile.read("written.json", json);
            if (!back.equals(plan)) {
                crash(stage + " round trip", c, new IllegalStateException("the written plan reads back different"));
                return false;
            }
            if (binary) {
                binaries++;
                PlanWriter.write(plan, PlanWriter.Format.DOCX);
                PlanWriter.write(plan, PlanWriter.Format.PDF);
            }
            return true;
        } catch (InputException e) {
            crash(stage + " export", c, e);
        } catch (RuntimeException | StackOverflowError e) {
            crash(stage + " export", c, e);
        }
        return false;
    }

    /** Whether a YAML parser meets an alias in the text (a "*n" inside quotes is none). */
    private static boolean hasAlias(String text) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            while (p.nextToken() != null) {
                if (((YAMLParser) p).isCurrentAlias()) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    // --- bookkeeping -------------------------------------------------------------------------------------

    private void refused(String stage, InputException e, Mutations.Case c, String document) {
        String kind = stage + ": " + kind(e.problems().isEmpty() ? "" : e.problems().get(0).message());
        refusals.merge(kind, 1, Integer::sum);
        refusalExamples.putIfAbsent(kind, e.problems().isEmpty() ? "" : clip(e.problems().get(0).toString()));
        Pattern place = document == null ? null : Pattern.compile(String.format(PLACE_IN_DOCUMENT, Pattern.quote(document)), Pattern.DOTALL);
        for (Problem p : e.problems()) {
            boolean named = place == null ? !p.place().isBlank() : place.matcher(p.place()).matches();
            if (!named && unplacedCount++ < 20) {
                unplaced.add(stage + " " + c.name() + " " + c.kinds() + ": '" + clip(p.place()) + "': " + clip(p.message()));
            }
        }
        if (e.problems().isEmpty() && unplacedCount++ < 20) {
            unplaced.add(stage + " " + c.name() + ": refused without a problem");
        }
    }

    private void crash(String stage, Mutations.Case c, Throwable e) {
        String where = "";
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.equityadvisor")) {
                where = frame.getClassName().replace("org.equityadvisor.", "") + "." + frame.getMethodName() + ":" + frame.getLineNumber();
                break;
            }
        }
        String key = stage + " | " + e.getClass().getSimpleName() + " | " + where;
        List<String> examples = crashes.computeIfAbsent(key, k -> new ArrayList<>());
        examples.add(c.name() + " " + c.kinds() + (examples.isEmpty() ? ": " + clip(String.valueOf(e.getMessage())) + "\n      text: " + clip(c.text()) : ""));
    }

    /** The kind of a refusal, from the first problem's message, so the summary groups like with like. */
    private static String kind(String message) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        String[][] kinds = {
            {"alias", "YAML alias"}, {"cannot be printed", "unprintable character"}, {"a text of", "text too long"},
            {"characters long", "text too long"}, {"a text longer", "text too long"}, {"line break", "line break in a one-line field"},
            {"a number of", "number too long"}, {"a number longer", "number too long"}, {"a key", "key too long"},
            {"not a finite number", "not a finite number"}, {"is beyond", "figure too large"}, {"entries;", "too many entries"},
            {" rows;", "too many rows"}, {"is after", "date out of range"}, {"is before", "date out of range"},
            {"duplicate key", "duplicate key"}, {"second yaml document", "second document"}, {"more json after", "second document"},
            {"nested more than", "nesting too deep"}, {"malformed", "malformed YAML/JSON"}, {"unknown field", "unknown field"},
            {"is required", "missing field"}, {"is empty", "empty"}, {"expected", "wrong type"}, {"is not a date", "not a date"},
            {"not a plausible", "year out of range"}, {"outside", "out of range"}, {"is above", "out of range"}, {"is below", "out of range"},
            {"negative", "out of range"}, {"must be above", "out of range"}, {"not a number", "not a number"},
            {"not a gap metric", "unknown id"}, {"not a self-assessment", "unknown id"}, {"not a catalog", "unknown id"},
            {"not a group", "unknown id"}, {"a second row", "duplicate row"}, {"not suggested", "goal not suggested"},
            {"named twice", "goal named twice"}, {"is not one of", "not one of the choices"}, {"write the nces id", "id written as a number"},
            {"is not a", "not a valid value"}, {"already", "already in the plan"}, {"has no goal", "no such goal"},
            {"no action", "no such action"}, {"no partner", "no such partner"}, {"is not a step", "no such step"},
            {"is not a partner", "no such partner"}, {"used by another", "duplicate id"}};
        for (String[] k : kinds) {
            if (m.contains(k[0])) {
                return k[1];
            }
        }
        return "other: " + clip(message);
    }

    private void report(long nanos) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        int refused = refusals.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("Input fuzz, seed %d: %d cases in %.1f s: %d accepted %s, %d refused, %d also written as Word and PDF, %d crash kinds, %d unplaced%n",
                SEED, CASES, nanos / 1e9, accepted.values().stream().mapToInt(Integer::intValue).sum(), accepted, refused, binaries, crashes.size(),
                unplacedCount);
        out.println("Refusals by stage and kind:");
        refusals.forEach((k, v) -> out.printf("  %6d  %s%n          e.g. %s%n", v, k, refusalExamples.get(k)));
        if (!crashes.isEmpty()) {
            out.println("Crashes by stage, exception and place (cases):");
            crashes.forEach((k, v) -> {
                out.printf("  %6d  %s%n", v.size(), k);
                v.stream().limit(3).forEach(x -> out.println("      " + x));
            });
        }
        unplaced.forEach(u -> out.println("  unplaced: " + u));
        out.flush();
        System.out.print(text);
    }

    private static String clip(String text) {
        String t = text.length() > 300 ? text.substring(0, 300) + "\u2026 (" + text.length() + " characters)" : text;
        StringBuilder out = new StringBuilder();
        t.codePoints().forEach(cp -> out.append(cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? String.format("\\u%04x", cp) : Character.toString(cp)));
        return out.toString();
    }

    // --- the seeds ---------------------------------------------------------------------------------------

    private static Map<String, String> scenarios() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Fixtures.SCENARIOS)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                out.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return out;
    }

    /** A valid plan per scenario, some with the leader's own text, as plan draft writes them. */
    private Map<String, String> plans(Map<String, String> scenarios) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> s : scenarios.entrySet()) {
            Assessment a = reader.read(YamlDocument.parse(s.getKey(), s.getValue()), SCENARIO_FIELDS);
            Plan plan = drafts.draftTop(a, advisor.advise(a), 3, null);
            if (out.size() % 2 == 1) {
                plan = plan.withText(plan.title(), plan.overview(), "We learned that families trust the library more than the district office.");
            }
            out.put(s.getKey().replace(".yaml", "-plan.json"), PlanFile.write(plan));
        }
        return out;
    }
}
