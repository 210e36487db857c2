package org.equityadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.RuleSetException;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.equityadvisor.scenario.ScenarioResult;
import org.equityadvisor.scenario.ScenarioSuite;
import org.equityadvisor.scenario.SuiteResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The coach's fast loop: one long-lived process checks, compiles and tests the rule set each time a file
 * of the rules or scenarios folder is saved. Staying warm is what makes it fast: a fresh `rules test` after
 * an edit pays the JVM's start, Drools' class loading and a cold compile; here only the compile remains.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Check and test the rule set now and again on every save in the rules or scenarios folder, printing each result",
                "with the time from the save to the result. Stop with Ctrl-C."})
final class RulesWatchCommand implements Callable<Integer> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Editors save in bursts (a temporary file, a rename, a touch): wait this long for quiet before testing. */
    private static final long QUIET_MS = 60;

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Mixin
    ScenariosOption scenarioFolder;

    @Option(names = "--runs", paramLabel = "N", description = "stop after N re-tests (default: run until stopped), for scripts")
    int runs = -1;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path folder = rules.folder();
        if (folder == null) {
            throw new InputException("--rules", new Problem("--rules", "watch needs a rules folder to watch: pass --rules DIR or run where ./rules is"));
        }
        Path scenarios = scenarioFolder.folder();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Watching " + folder + " and " + scenarios + "; each save re-checks and re-tests the rules. Ctrl-C stops.");
        KnowledgeBase[] last = {null};
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            // Watch first, so a save during the first test is not missed.
            register(watcher, folder);
            register(watcher, scenarios);
            boolean ok = test(folder, scenarios, out, "start", null, last);
            for (int done = 0; runs < 0 || done < runs; done++) {
                Set<Path> changed = new TreeSet<>();
                collect(watcher, watcher.take(), changed);
                // Drain the burst of one save.
                for (WatchKey more = watcher.poll(QUIET_MS, TimeUnit.MILLISECONDS); more != null; more = watcher.poll(QUIET_MS, TimeUnit.MILLISECONDS)) {
                    collect(watcher, more, changed);
                }
                if (changed.isEmpty()) {
                    done--;
                    continue;
                }
                ok = test(folder, scenarios, out, changed.stream().map(p -> p.getFileName().toString()).distinct().reduce((x, y) -> x + ", " + y).orElse(""),
                        savedAt(changed), last);
            }
            return ok ? Main.OK : Main.FINDINGS;
        } catch (ClosedWatchServiceException e) {
            return Main.OK;
        }
    }

    /** One check and test; {@code last} holds the last good rule set, whose compiled rules an edit of data reuses. */
    private static boolean test(Path folder, Path scenarios, PrintWriter out, String what, FileTime saved, KnowledgeBase[] last) {
        long start = System.nanoTime();
        String when = LocalTime.now().format(CLOCK);
        KnowledgeBase kb;
        try {
            kb = KnowledgeBase.reload(folder, last[0]);
            last[0] = kb;
        } catch (RuleSetException e) {
            e.problems().forEach(p -> out.println("  " + p));
            out.printf(Locale.ROOT, "[%s] %s: %d %s; the rules were not tested (%s)%n", when, what, e.problems().size(),
                    e.problems().size() == 1 ? "problem" : "problems", elapsed(start, saved));
            out.flush();
            return false;
        }
        long compiled = System.nanoTime();
        SuiteResult result;
        try {
            result = ScenarioSuite.load(scenarios, kb).run(new Advisor(kb));
        } catch (InputException e) {
            out.printf(Locale.ROOT, "[%s] %s: %s%n", when, what, e.getMessage());
            out.flush();
            return false;
        }
        long tested = System.nanoTime();
        for (ScenarioResult r : result.results()) {
            if (!r.passed()) {
                out.println("FAIL " + r.scenario().name() + "  (" + r.scenario().file() + ")");
                r.failures().forEach(f -> out.println("     " + f.replace("\n", "\n     ")));
            }
        }
        out.printf(Locale.ROOT, "[%s] %s: %d passed, %d failed (%s; check and compile %.2f s, scenarios %.2f s)%n", when, what, result.passed(),
                result.failed(), elapsed(start, saved), (compiled - start) / 1e9, (tested - compiled) / 1e9);
        out.flush();
        return result.failed() == 0 && !result.results().isEmpty();
    }

    /** From the save (the newest changed file's modification time) to now; from the start of the run before any save. */
    private static String elapsed(long start, FileTime saved) {
        if (saved == null) {
            return String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - start) / 1e9);
        }
        return String.format(Locale.ROOT, "%.2f s after the save", (System.currentTimeMillis() - saved.toMillis()) / 1e3);
    }

    private static FileTime savedAt(Set<Path> changed) {
        FileTime newest = null;
        for (Path p : changed) {
            try {
                FileTime t = Files.getLastModifiedTime(p);
                newest = newest == null || t.compareTo(newest) > 0 ? t : newest;
            } catch (IOException e) {
                // deleted since: it does not date the save
            }
        }
        return newest;
    }

    private static void collect(WatchService watcher, WatchKey key, Set<Path> changed) throws IOException {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (!(event.context() instanceof Path name)) {
                continue;
            }
            Path file = dir.resolve(name);
            String n = name.toString();
            // Editor litter and documentation are not rules (the same files the content hash leaves out).
            if (n.startsWith(".") || n.endsWith("~") || n.endsWith(".swp") || n.endsWith(".md")) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
                register(watcher, file);
            }
            if (Files.exists(file) || n.matches(".*\\.(drl|ya?ml|csv|json)$")) {
                changed.add(file);
            }
        }
        key.reset();
    }

    private static void register(WatchService watcher, Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
