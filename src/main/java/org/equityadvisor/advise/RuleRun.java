package org.equityadvisor.advise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
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
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.event.rule.DefaultAgendaEventListener;
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

    /** One run in a session of its own, thrown away afterwards. */
    static RuleRun run(KnowledgeBase kb, List<Object> given, RuleBudget budget) {
        KieSession session = kb.kieBase().newKieSession();
        Recorder recorder = new Recorder(session, Set.of());
        return run(kb, List.of(), given, List.of(), recorder, budget, null);
    }

    /**
     * One run whose facts are {@code own}, then {@code catalog}, then {@code tail}, in that order. When {@code pool}
     * is given and {@code catalog} is the pool's own list, the run borrows a session that already holds the
     * catalog and gives it back only when the run ended normally; otherwise it runs in a session of its own.
     */
    static RuleRun run(KnowledgeBase kb, List<Object> own, List<Object> catalog, List<Object> tail, RuleBudget budget, SessionPool pool) {
        if (pool == null || catalog != pool.catalog || !pool.reusable) {
            KieSession session = kb.kieBase().newKieSession();
            Recorder recorder = new Recorder(session, Set.of());
            List<Object> given = new ArrayList<>(own.size() + catalog.size() + tail.size());
            given.addAll(own);
            given.addAll(catalog);
            given.addAll(tail);
            return run(kb, List.of(), given, List.of(), recorder, budget, null);
        }
        return run(kb, own, catalog, tail, pool.borrow(), budget, pool);
    }

    private static RuleRun run(KnowledgeBase kb, List<Object> own, List<Object> middle, List<Object> tail, Recorder recorder, RuleBudget budget,
            SessionPool pool) {
        RuleRun run = new RuleRun();
        KieSession session = recorder.session;
        // Every given fact in the order a fresh session would have taken it; rules add theirs after.
        run.facts.addAll(own);
        run.facts.addAll(middle);
        run.facts.addAll(tail);
        Map<String, Integer> counts = new HashMap<>();
        Watch watch = new Watch(Thread.currentThread(), session);
        long deadline = System.nanoTime() + budget.time().toNanos();
        recorder.begin(run, counts, watch, deadline);
        ScheduledFuture<?> halt = WATCHDOG.schedule(watch::halt, budget.time().toNanos(), TimeUnit.NANOSECONDS);
        ScheduledFuture<?> stop = WATCHDOG.schedule(watch::stop, budget.time().plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
        Throwable thrown = null;
        int fired = 0;
        boolean reuse = false;
        try {
            try {
                for (Object fact : own) {
                    recorder.given.add(session.insert(fact));
                }
                if (pool == null) {
                    middle.forEach(session::insert);
                } else {
                    // The catalog is already in working memory; the matches made of catalog facts alone are renewed.
                    recorder.refresh();
                }
                for (Object fact : tail) {
                    recorder.given.add(session.insert(fact));
                }
                // The focus stack runs the last focused group first: detect, then suggest, then refine.
                for (int i = RuleInfo.STAGES.size() - 1; i >= 0; i--) {
                    session.getAgenda().getAgendaGroup(RuleInfo.STAGES.get(i)).setFocus();
                }
                recorder.firing = true;
                fired = session.fireAllRules(budget.maxFirings());
                recorder.firing = false;
            } catch (Throwable t) {
                // Held until the watchdog is settled: a stop must never reach the caller's own code.
                thrown = t;
            }
            watch.finish();
            // Only a run that ended normally leaves a session fit for another district: never after a halt, a stop,
            // an exception or a budget breach.
            reuse = pool != null && thrown == null && !watch.halted() && !watch.stopped() && fired < budget.maxFirings();
        } catch (ThreadDeath stopped) {
            // The stop arrived (in rule code, in the engine, or while the run was ending): handled below.
        } finally {
            halt.cancel(false);
            stop.cancel(false);
            recorder.end();
            if (!(reuse && pool.giveBack(recorder))) {
                try {
                    session.dispose();
                } catch (RuntimeException e) {
                    // A session stopped midway may not dispose cleanly; it is dropped either way.
                }
            }
        }
        Match[] current = { recorder.current };
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

    /**
     * The listeners of one session, attached once: they record provenance into the run under way, and keep the
     * handles of what that run added (its own facts and every derived one) so a pooled session can be emptied of them.
     */
    static final class Recorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
        final KieSession session;
        /** The catalog's handles: the facts a pooled session keeps from run to run. */
        private final Set<FactHandle> catalog;
        /** The catalog facts updated at the start of every run, so that matches of catalog facts alone fire again. */
        private final List<FactHandle> refreshed;
        /** The run's own facts still in working memory. */
        final Set<FactHandle> given = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<FactHandle, Boolean> derived = new IdentityHashMap<>();
        private RuleRun run;
        private Map<String, Integer> counts;
        private Watch watch;
        private long deadline;
        Match current;
        boolean firing;
        /** A rule changed or deleted a catalog fact: the session no longer holds the catalog as it was. */
        boolean dirty;

        Recorder(KieSession session, Set<FactHandle> catalog) {
            this(session, catalog, List.of());
        }

        Recorder(KieSession session, Set<FactHandle> catalog, List<FactHandle> refreshed) {
            this.session = session;
            this.catalog = catalog;
            this.refreshed = refreshed;
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) this);
            session.addEventListener((RuleRuntimeEventListener) this);
        }

        void begin(RuleRun run, Map<String, Integer> counts, Watch watch, long deadline) {
            this.run = run;
            this.counts = counts;
            this.watch = watch;
            this.deadline = deadline;
            this.current = null;
            this.firing = false;
        }

        /**
         * Takes the refreshed catalog facts out and puts them back, after the run's own facts as in a fresh session:
         * their matches are made anew and fire in the order a fresh session fires them.
         */
        void refresh() {
            for (int i = 0; i < refreshed.size(); i++) {
                FactHandle old = refreshed.get(i);
                Object fact = session.getObject(old);
                session.delete(old);
                FactHandle renewed = session.insert(fact);
                catalog.remove(old);
                catalog.add(renewed);
                refreshed.set(i, renewed);
            }
        }

        void end() {
            run = null;
            counts = null;
            watch = null;
            firing = false;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            current = match(run.firings.size() + 1, event.getMatch().getRule().getName(), event.getMatch().getObjects());
            run.firings.add(current);
            counts.merge(current.rule, 1, Integer::sum);
            if (System.nanoTime() - deadline > 0) {
                watch.halt();
            }
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (!firing) {
                return;
            }
            derived.put(event.getFactHandle(), Boolean.TRUE);
            run.facts.add(event.getObject());
            if (event.getRule() != null && current != null) {
                current.inserted.add(event.getObject());
                run.insertedBy.put(event.getObject(), current);
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            if (firing && catalog.contains(event.getFactHandle())) {
                dirty = true;
            }
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            if (!firing) {
                return;
            }
            if (catalog.contains(event.getFactHandle())) {
                dirty = true;
            }
            if (derived.remove(event.getFactHandle()) == null) {
                given.remove(event.getFactHandle());
            }
            if (event.getRule() != null && current != null) {
                current.deleted.add(event.getOldObject());
                run.deletedBy.put(event.getOldObject(), current);
            }
        }

        /** Removes what the last run added and whatever it left on the agenda; false when the session is not as it started. */
        boolean empty() {
            if (dirty) {
                return false;
            }
            for (FactHandle h : derived.keySet()) {
                if (session.getObject(h) != null) {
                    session.delete(h);
                }
            }
            for (FactHandle h : given) {
                if (session.getObject(h) != null) {
                    session.delete(h);
                }
            }
            derived.clear();
            given.clear();
            // No agenda.clear(): the engine evaluates lazily, and clearing would drop the pending removals of these
            // facts from its memories; they are applied when the next run fires, as the refreshed matches are.
            return session.getFactCount() == catalog.size();
        }
    }

    /**
     * Sessions of one rule set that already hold its constant catalog (metrics, indicators, actions, partners, the
     * trigger table's rows, settings): a run then inserts only the district's own facts. A session comes back only
     * from a run that ended normally, emptied of that run's facts and agenda.
     *
     * <p>A match made of catalog facts alone would not fire again in a kept session (its facts did not change), so
     * for every rule that has no pattern on a district's or a derived fact, the catalog facts of its first pattern
     * are taken out and inserted again after the run's own facts: the engine matches them anew, in a fresh session's order. A rule the
     * pool cannot reason about (no plain pattern at the top, or an {@code or} there) makes every run use a fresh
     * session.
     */
    static final class SessionPool {
        final List<Object> catalog;
        final boolean reusable;
        private final KieBase kieBase;
        private final List<Class<?>> refreshTypes;
        private final int max;
        private final ConcurrentLinkedDeque<Recorder> idle = new ConcurrentLinkedDeque<>();
        private final AtomicInteger idleCount = new AtomicInteger();

        SessionPool(KieBase kieBase, List<Object> catalog, int max) {
            this.kieBase = kieBase;
            this.catalog = List.copyOf(catalog);
            this.max = max;
            List<Class<?>> refresh = new ArrayList<>();
            boolean ok = true;
            for (KiePackage pkg : kieBase.getKiePackages()) {
                for (org.kie.api.definition.rule.Rule r : pkg.getRules()) {
                    if (!(r instanceof RuleImpl rule)) {
                        ok = false;
                        continue;
                    }
                    if (rule.isQuery()) {
                        continue;
                    }
                    Class<?> first = anchor(rule.getLhs(), this.catalog);
                    if (first == Object.class) {
                        continue;
                    }
                    if (first == null) {
                        ok = false;
                    } else if (!refresh.contains(first)) {
                        refresh.add(first);
                    }
                }
            }
            this.reusable = ok;
            this.refreshTypes = List.copyOf(refresh);
        }

        /**
         * {@code Object.class} when a top-level plain pattern matches no catalog fact (every match holds a fact of
         * the run's own); else the type of the first plain pattern, whose facts renew the rule's matches; else null.
         */
        private static Class<?> anchor(GroupElement lhs, List<Object> catalog) {
            if (!lhs.isAnd()) {
                return null;
            }
            Class<?> first = null;
            for (RuleConditionElement e : lhs.getChildren()) {
                if (e instanceof Pattern p && p.getSource() == null && p.getObjectType() instanceof ClassObjectType c) {
                    Class<?> type = c.getClassType();
                    if (type.getName().contains("InitialFact")) {
                        continue;
                    }
                    if (catalog.stream().noneMatch(type::isInstance)) {
                        return Object.class;
                    }
                    if (first == null) {
                        first = type;
                    }
                }
            }
            return first;
        }

        Recorder borrow() {
            Recorder r = idle.pollFirst();
            if (r != null) {
                idleCount.decrementAndGet();
                return r;
            }
            KieSession session = kieBase.newKieSession();
            Set<FactHandle> handles = Collections.newSetFromMap(new IdentityHashMap<>());
            List<FactHandle> refreshed = new ArrayList<>();
            for (Object fact : catalog) {
                FactHandle h = session.insert(fact);
                handles.add(h);
                if (refreshTypes.stream().anyMatch(t -> t.isInstance(fact))) {
                    refreshed.add(h);
                }
            }
            return new Recorder(session, handles, refreshed);
        }

        /** Keeps the session for the next run when it could be emptied; false when the caller must dispose of it. */
        boolean giveBack(Recorder r) {
            try {
                if (!r.empty()) {
                    return false;
                }
            } catch (RuntimeException e) {
                return false;
            }
            if (idleCount.incrementAndGet() > max) {
                idleCount.decrementAndGet();
                return false;
            }
            idle.addFirst(r);
            return true;
        }

        /** Sessions kept for reuse (for tests). */
        int idle() {
            return idleCount.get();
        }
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

        /** Synchronized with {@link #finish()}: once the run is over, its session (which may be reused) is never halted. */
        synchronized void halt() {
            if (state.get() == RUNNING && !halted) {
                halted = true;
                session.halt();
            }
        }

        private synchronized boolean done() {
            return state.compareAndSet(RUNNING, DONE);
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
            while (!done()) {
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
