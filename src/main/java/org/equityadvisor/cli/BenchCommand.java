package org.equityadvisor.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.scenario.Scenario;
import org.equityadvisor.scenario.ScenarioSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints the figures the closing notes report: how long loading the rule set takes, and the latency and
 * throughput of advice over the scenarios' assessments, on one thread and on several. Timings belong here,
 * not in unit tests, where a busy machine would make them flaky.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure rule-set load time and advice throughput over the scenarios, in this JVM;",
            "or, with --url, a running server under a fixed-rate load (latency from each request's intended send time, HdrHistogram percentiles).",
            "Advice latency against a bare Drools session: the JMH benchmark (docs/performance.md)."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Mixin
    ScenariosOption scenarioFolder;

    @Option(names = "--seconds", defaultValue = "5", description = "how long each measurement runs (default: 5)")
    int seconds;

    @Option(names = "--threads", defaultValue = "0", description = "threads for the throughput run (default: one per core)")
    int threads;

    @Option(names = "--url", paramLabel = "URL", description = "measure a running server instead: POST URL/api/advice at a fixed rate")
    String url;

    @Option(names = "--rate", defaultValue = "2000", description = "with --url: requests per second, sent on schedule whatever the answers' pace (default: 2000)")
    int rate;

    @Option(names = "--warmup", defaultValue = "10", description = "with --url: seconds at the same rate before measuring (default: 10)")
    int warmup;

    @Option(names = "--user", paramLabel = "NAME:PASSWORD", defaultValue = "admin:admin", description = "who the server bench signs in as")
    String user;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path scenarios = scenarioFolder.folder();
        if (url != null) {
            return ServerBench.run(out, url, user, scenarios, rate, seconds, warmup);
        }
        long start = System.nanoTime();
        KnowledgeBase kb = rules.load();
        double load = (System.nanoTime() - start) / 1e6;
        List<Assessment> inputs = ScenarioSuite.load(scenarios, kb).scenarios().stream().filter(Scenario::readable).map(Scenario::assessment).toList();
        if (inputs.isEmpty()) {
            out.println("No readable scenarios in " + scenarios + " to advise.");
            return Main.BAD_INPUT;
        }
        Advisor advisor = new Advisor(kb);
        long first = System.nanoTime();
        advisor.advise(inputs.get(0));
        double cold = (System.nanoTime() - first) / 1e6;
        out.printf("rule set: %d rules, %d catalog entries, %s%n", kb.rules().size(), kb.actions().size() + kb.partners().size() + kb.goals().size(), kb.hash());
        out.printf("load (read, check, compile or cache): %.0f ms%n", load);
        out.printf("first advice in this JVM: %.1f ms%n", cold);
        // Warm up, then measure single-threaded latency.
        run(advisor, inputs, 1, Math.max(1, seconds / 2));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long threadCpu = cpu.getCurrentThreadCpuTime();
        long[] latencies = latencies(advisor, inputs, seconds);
        threadCpu = cpu.getCurrentThreadCpuTime() - threadCpu;
        out.printf("warm advice, 1 thread: %d advices, p50 %.3f ms, p99 %.3f ms, max %.3f ms; CPU %.1f µs per advice%n", latencies.length,
                latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[latencies.length - 1] / 1e6,
                threadCpu / 1e3 / latencies.length);
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        long processCpu = processCpu();
        long count = run(advisor, inputs, n, seconds);
        processCpu = processCpu() - processCpu;
        // CPU per advice (the whole process: GC and compiler included) moves far less than wall time on a shared
        // machine; advices per CPU second times the cores is what an otherwise idle machine would reach.
        out.printf("throughput, %d threads: %.0f advices/s; %.1f µs of process CPU per advice (%.0f advices per CPU second)%n", n,
                count / (double) seconds, processCpu / 1e3 / count, count / (processCpu / 1e9));
        Runtime rt = Runtime.getRuntime();
        rt.gc();
        out.printf("heap after GC: %.0f MB used of %.0f MB committed%n", (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rt.totalMemory() / 1048576.0);
        return Main.OK;
    }

    /** The process's CPU time in ns (all threads), or 0 where the platform does not say. */
    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static long[] latencies(Advisor advisor, List<Assessment> inputs, int seconds) {
        List<Long> samples = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int i = 0;
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            advisor.advise(inputs.get(i++ % inputs.size()));
            samples.add(System.nanoTime() - t);
        }
        long[] sorted = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static long run(Advisor advisor, List<Assessment> inputs, int threads, int seconds) throws Exception {
        AtomicLong count = new AtomicLong();
        Repeat.onThreads(threads, seconds, i -> {
            advisor.advise(inputs.get(i % inputs.size()));
            count.incrementAndGet();
        });
        return count.get();
    }
}
