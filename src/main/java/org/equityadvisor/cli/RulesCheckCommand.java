package org.equityadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.RuleSetException;
import org.equityadvisor.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compile and check a rule set; print every problem with its file and line (exit 1 if any).")
final class RulesCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Option(names = "--timings", paramLabel = "N", description = "after the check, compile the rule set N times afresh and load it N times "
            + "from a fresh compiled-rules cache; print the median time of each and the share of the bytecode check")
    int timings;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        try {
            KnowledgeBase kb = rules.load();
            out.printf("OK %s: %d rules, %d indicators, %d metrics, %d goals, %d actions, %d partners, %d sources (%.1f s)%n",
                    kb.origin(), kb.rules().size(), kb.indicators().size(), kb.metrics().size(), kb.goals().size(), kb.actions().size(),
                    kb.partners().size(), kb.sources().size(), (System.nanoTime() - start) / 1e9);
            out.println("Rule set " + kb.hash());
            // A translation that lacks an entry is not an error (the English is shown), but the coach who added the entry should know.
            for (Problem w : kb.translations().warnings()) {
                out.println("warning: " + w);
            }
            if (timings > 0) {
                timings(out);
            }
            return Main.OK;
        } catch (RuleSetException e) {
            PrintWriter err = spec.commandLine().getErr();
            for (Problem p : e.problems()) {
                err.println(p);
            }
            err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + " in " + rules.origin());
            return Main.FINDINGS;
        }
    }

    /** Medians of N fresh compiles and N cached loads in this JVM (the first of each not counted: class loading). */
    private void timings(PrintWriter out) throws IOException {
        String before = System.getProperty(CACHE);
        Path cache = Files.createTempDirectory("equity-advisor-timings");
        try {
            System.setProperty(CACHE, "off");
            List<KnowledgeBase> compiled = loads();
            System.setProperty(CACHE, cache.toString());
            rules.load();
            List<KnowledgeBase> cached = loads();
            out.printf("Fresh compile, median of %d: %s, of which the bytecode check %s%n", timings, median(compiled, true), median(compiled, false));
            out.printf("Cached load,   median of %d: %s, of which the bytecode check %s%n", timings, median(cached, true), median(cached, false));
        } finally {
            if (before == null) {
                System.clearProperty(CACHE);
            } else {
                System.setProperty(CACHE, before);
            }
            try (Stream<Path> files = Files.walk(cache)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static final String CACHE = "equityadvisor.cache";
    private final Map<KnowledgeBase, Long> took = new IdentityHashMap<>();

    private List<KnowledgeBase> loads() {
        List<KnowledgeBase> out = new ArrayList<>();
        for (int i = 0; i <= timings; i++) {
            long start = System.nanoTime();
            KnowledgeBase kb = rules.load();
            took.put(kb, System.nanoTime() - start);
            if (i > 0) {
                out.add(kb);
            }
        }
        return out;
    }

    private String median(List<KnowledgeBase> runs, boolean total) {
        long[] nanos = runs.stream().mapToLong(kb -> total ? took.get(kb) : kb.checkTime().toNanos()).sorted().toArray();
        long m = nanos.length % 2 == 1 ? nanos[nanos.length / 2] : (nanos[nanos.length / 2 - 1] + nanos[nanos.length / 2]) / 2;
        return String.format(Locale.ROOT, "%.1f ms", m / 1e6);
    }
}
