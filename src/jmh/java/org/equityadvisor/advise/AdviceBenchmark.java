package org.equityadvisor.advise;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.RuleInfo;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.scenario.Scenario;
import org.equityadvisor.scenario.ScenarioSuite;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One advice against the engine's own share of it, over the same facts: {@code advice} is what a caller of
 * {@link Advisor#advise} pays (checking the assessment, building the facts and sentences, the session with its
 * provenance listeners, assembling and ranking the advice); {@code bareDrools} inserts the same facts into a
 * plain session of the same compiled rules, fires the same agenda groups and disposes it, nothing more. Their
 * ratio is what this program adds to Drools. {@code adviceFreshSession} is {@code advice} with a new session per advice
 * instead of a kept one that already holds the rule set's catalog. Each invocation takes the next scenario of scenarios/, round robin.
 *
 * <pre>mvn -Pbench test-compile exec:exec -Djmh.args="AdviceBenchmark -t 2"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xmx1g"})
public class AdviceBenchmark {

    private KnowledgeBase kb;
    private KieBase kieBase;
    private Advisor advisor;
    private Advisor freshSessions;
    private List<Assessment> assessments;
    private List<List<Object>> facts;

    /** Which scenario a thread takes next. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void load() {
        kb = KnowledgeBase.load(Path.of(System.getProperty("equityadvisor.rules", "rules")));
        kieBase = kb.kieBase();
        advisor = new Advisor(kb);
        freshSessions = advisor.freshSessions();
        assessments = ScenarioSuite.load(Path.of(System.getProperty("equityadvisor.scenarios", "scenarios")), kb).scenarios().stream()
                .filter(Scenario::readable).map(Scenario::assessment).toList();
        if (assessments.isEmpty()) {
            throw new IllegalStateException("no readable scenarios to advise");
        }
        // The facts the advisor inserts for each scenario, made once: the bare session pays only for Drools.
        facts = assessments.stream().map(Assessment::withoutSuppressed).map(a -> advisor.facts(a, new Sentences(kb, a, java.time.Year.now().getValue()))).toList();
    }

    @Benchmark
    public Advice advice(Cursor cursor) {
        return advisor.advise(assessments.get(cursor.next++ % assessments.size()));
    }

    /** The same advice in a new session every time (the program before sessions were kept): the kept sessions' gain. */
    @Benchmark
    public Advice adviceFreshSession(Cursor cursor) {
        return freshSessions.advise(assessments.get(cursor.next++ % assessments.size()));
    }

    @Benchmark
    public int bareDrools(Cursor cursor) {
        List<Object> given = facts.get(cursor.next++ % facts.size());
        KieSession session = kieBase.newKieSession();
        try {
            given.forEach(session::insert);
            for (int i = RuleInfo.STAGES.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(RuleInfo.STAGES.get(i)).setFocus();
            }
            return session.fireAllRules(RuleBudget.DEFAULT_MAX_FIRINGS);
        } finally {
            session.dispose();
        }
    }
}
