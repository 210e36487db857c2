package org.equityadvisor.advise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.RuleInfo;
import org.equityadvisor.knowledge.RuleSetException;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.Trigger;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * One run of the rules over a district's facts, recording provenance: for every firing, the facts its
 * rule matched; for every fact a rule inserted or deleted, the firing that did it. That record is the
 * explanation; rules need not build it themselves.
 */
final class RuleRun {

    static final class Match {
        final int order;
        final String rule;
        final List<Object> facts;
        final List<Object> inserted = new ArrayList<>();
        final List<Object> deleted = new ArrayList<>();

        Match(int order, String rule, List<Object> facts) {
            this.order = order;
            this.rule = rule;
            this.facts = List.copyOf(facts);
        }
    }

    final List<Match> firings = new ArrayList<>();
    /** Every fact in the order it entered working memory, given or derived. */
    final List<Object> facts = new ArrayList<>();
    final Map<Object, Match> insertedBy = new IdentityHashMap<>();
    final Map<Object, Match> deletedBy = new IdentityHashMap<>();

    private RuleRun() {
    }

    /** Halts runs past their time, and stops a consequence or condition that does not return. */
    private static final ScheduledThreadPoolExecutor WATCHDOG = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "rule-budget");
        t.setDaemon(true);
        return t;
    });

    static {
        // Nearly every run ends long before its budget: its cancelled tasks must not pile up until then.
        WATCHDOG.setRemoveOnCancelPolicy(true);
    }
    /** How long code that ignores the halt (one consequence or condition) may overrun before its thread is stopped. */
    static final Duration GRACE = Duration.ofSeconds(1);

    static RuleRun run(KnowledgeBase kb, List<Object> given, RuleBudget budget) {
        RuleRun run = new RuleRun();
        KieSession session = kb.kieBase().newKieSession();
        Match[] current = new Match[1];
        Map<String, Integer> counts = new HashMap<>();
        Watch watch = new Watch(Thread.currentThread(), session);
        long deadline = System.nanoTime() + budget.time().toNanos();
        ScheduledFuture<?> halt = WATCHDOG.schedule(watch::halt, budget.time().toNanos(), TimeUnit.NANOSECONDS);
        ScheduledFuture<?> stop = WATCHDOG.schedule(watch::stop, budget.time().plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
        Throwable thrown = null;
        int fired = 0;
        try {
            try {
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void beforeMatchFired(BeforeMatchFiredEvent event) {
                        current[0] = match(run.firings.size() + 1, event.getMatch().getRule().getName(), event.getMatch().getObjects());
                        run.firings.add(current[0]);
                        counts.merge(current[0].rule, 1, Integer::sum);
                        if (System.nanoTime() - deadline > 0) {
                            watch.halt();
                        }
                    }
                });
                session.addEventListener(new DefaultRuleRuntimeEventListener() {
                    @Override
                    public void objectInserted(ObjectInsertedEvent event) {
                        run.facts.add(event.getObject());
                        if (event.getRule() != null && current[0] != null) {
                            current[0].inserted.add(event.getObject());
                            run.insertedBy.put(event.getObject(), current[0]);
                        }
                    }

                    @Override
                    public void objectDeleted(ObjectDeletedEvent event) {
                        if (event.getRule() != null && current[0] != null) {
                            current[0].deleted.add(event.getOldObject());
                            run.deletedBy.put(event.getOldObject(), current[0]);
                        }
                    }
                });
                given.forEach(session::insert);
                // The focus stack runs the last focused group first: detect, then suggest, then refine.
                for (int i = RuleInfo.STAGES.size() - 1; i >= 0; i--) {
                    session.getAgenda().getAgendaGroup(RuleInfo.STAGES.get(i)).setFocus();
                }
                fired = session.fireAllRules(budget.maxFirings());
            } catch (Throwable t) {
                // Held until the watchdog is settled: a stop must never reach the caller's own code.
                thrown = t;
            }
            watch.finish();
        } catch (ThreadDeath stopped) {
            // The stop arrived (in rule code, in the engine, or while the run was ending): handled below.
        } finally {
            halt.cancel(false);
            stop.cancel(false);
            try {
                session.dispose();
            } catch (RuntimeException e) {
                // A session stopped midway may not dispose cleanly; it is dropped either way.
            }
        }
        if (watch.stopped()) {
            String rule = watch.rule(kb).orElse(current[0] == null ? null : current[0].rule);
            throw new RuleBudgetException(kb.origin(), rule, new Problem(rule == null ? kb.origin() : location(kb, rule),
                    (rule == null ? "the rules were" : "rule \"" + rule + "\" was") + " still running after the time budget of "
                            + seconds(budget.time()) + " (" + RuleBudget.TIME + ") and was stopped: a condition or consequence does not finish"));
        }
        if (thrown instanceof ConsequenceException e) {
            String rule = e.getMatch() == null ? "?" : e.getMatch().getRule().getName();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RuleSetException(kb.origin(), List.of(new Problem(location(kb, rule),
                    "rule \"" + rule + "\" failed while running: " + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()))));
        }
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        if (watch.halted()) {
            String rule = mostFired(counts);
            throw new RuleBudgetException(kb.origin(), rule, new Problem(rule == null ? kb.origin() : location(kb, rule),
                    "the rules ran past their time budget of " + seconds(budget.time()) + " (" + RuleBudget.TIME + ") after " + fired
                            + " firings" + (rule == null ? "" : "; rule \"" + rule + "\" fired most (" + counts.get(rule)
                            + " times): it re-triggers itself or another rule")));
        }
        if (fired >= budget.maxFirings()) {
            String rule = mostFired(counts);
            throw new RuleBudgetException(kb.origin(), rule, new Problem(location(kb, rule), "rule \"" + rule + "\" keeps firing ("
                    + counts.get(rule) + " of the " + budget.maxFirings() + " firings allowed per advice, " + RuleBudget.MAX_FIRINGS
                    + "): it re-triggers itself or another rule"));
        }
        return run;
    }

    private static String mostFired(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * The watchdog of one run. Past the budget it halts the session (the engine stops between firings);
     * a condition or consequence that does not return by then is stopped with {@link Thread#stop()}, the one
     * way to end code that ignores interrupts. That is safe here because the run owns everything it touches:
     * its session is thrown away, and rule code can reach no lock or shared state (the bytecode check). On
     * Java 20 and later, where stop() is gone, the thread is only interrupted.
     */
    private static final class Watch {
        private static final int RUNNING = 0;
        private static final int DONE = 1;
        private static final int STOPPING = 2;

        private final Thread runner;
        private final KieSession session;
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private volatile boolean halted;
        private volatile StackTraceElement[] stack;

        Watch(Thread runner, KieSession session) {
            this.runner = runner;
            this.session = session;
        }

        void halt() {
            if (state.get() == RUNNING && !halted) {
                halted = true;
                session.halt();
            }
        }

        @SuppressWarnings({"removal", "deprecation"})
        void stop() {
            if (state.compareAndSet(RUNNING, STOPPING)) {
                stack = runner.getStackTrace();
                try {
                    runner.stop();
                } catch (UnsupportedOperationException e) {
                    runner.interrupt();
                    state.set(RUNNING);
                }
            }
        }

        /** Called by the run when it is over; when a stop is under way, waits here for it to arrive. */
        void finish() {
            long waited = 0;
            while (!state.compareAndSet(RUNNING, DONE)) {
                if (state.get() == STOPPING && waited > GRACE.toMillis()) {
                    // The stop arrived but was swallowed on the way (wrapped by the engine): end the run here.
                    throw new ThreadDeath();
                }
                try {
                    Thread.sleep(5);
                    waited += 5;
                } catch (InterruptedException e) {
                    // keep waiting: the stop is what ends this
                }
            }
            // An interrupt meant for a run that has ended must not reach the caller's next wait.
            Thread.interrupted();
        }

        boolean stopped() {
            return state.get() == STOPPING;
        }

        boolean halted() {
            return halted;
        }

        /** The rule whose code the thread was running when it was stopped. */
        Optional<String> rule(KnowledgeBase kb) {
            return stack == null ? Optional.empty() : kb.ruleRunning(stack).map(RuleInfo::name);
        }
    }

    /**
     * A firing of the trigger table's fixed rules is the firing of the row it matched: it carries the row's
     * name, and the row itself is not one of the facts it explains itself by.
     */
    private static Match match(int order, String rule, List<? extends Object> objects) {
        Trigger row = null;
        List<Object> facts = new ArrayList<>();
        for (Object o : objects) {
            if (o instanceof Trigger t) {
                row = t;
            } else {
                facts.add(o);
            }
        }
        return new Match(order, row == null ? rule : row.rule(), facts);
    }

    private static String location(KnowledgeBase kb, String rule) {
        return kb.rule(rule).map(RuleInfo::location).orElse(kb.origin());
    }

    /** The facts of a type still in working memory at the end, in the order they came. */
    <T> List<T> remaining(Class<T> type) {
        return facts.stream().filter(type::isInstance).filter(f -> !deletedBy.containsKey(f)).map(type::cast).toList();
    }

    /** The facts of a type that a rule deleted. */
    <T> List<T> deleted(Class<T> type) {
        return facts.stream().filter(type::isInstance).filter(deletedBy::containsKey).map(type::cast).toList();
    }
}
