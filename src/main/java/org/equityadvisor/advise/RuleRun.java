package org.equityadvisor.advise;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.RuleInfo;
import org.equityadvisor.knowledge.RuleSetException;
import org.equityadvisor.model.Problem;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * One run of the rules over a district's facts, recording provenance: for every firing, the facts its
 * rule matched; for every fact a rule inserted or deleted, the firing that did it. That record is the
 * explanation; rules need not build it themselves.
 */
final class RuleRun {

    /** Firings beyond this mean a rule re-triggers itself; stop rather than hang. */
    static final int MAX_FIRINGS = 100_000;

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

    static RuleRun run(KnowledgeBase kb, KieSessionsPool sessions, List<Object> given) {
        RuleRun run = new RuleRun();
        KieSession session = sessions.newKieSession();
        Match[] current = new Match[1];
        AgendaEventListener firings = new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    current[0] = new Match(run.firings.size() + 1, event.getMatch().getRule().getName(), event.getMatch().getObjects());
                    run.firings.add(current[0]);
                }
            };
        RuleRuntimeEventListener facts = new DefaultRuleRuntimeEventListener() {
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
            };
        try {
            session.addEventListener(firings);
            session.addEventListener(facts);
            given.forEach(session::insert);
            // The focus stack runs the last focused group first: detect, then suggest, then refine.
            for (int i = RuleInfo.STAGES.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(RuleInfo.STAGES.get(i)).setFocus();
            }
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new RuleSetException(kb.origin(), List.of(new Problem(location(kb, current[0].rule),
                        "rule \"" + current[0].rule + "\" keeps firing (" + MAX_FIRINGS + " firings): it re-triggers itself")));
            }
        } catch (ConsequenceException e) {
            String rule = e.getMatch() == null ? "?" : e.getMatch().getRule().getName();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RuleSetException(kb.origin(), List.of(new Problem(location(kb, rule),
                    "rule \"" + rule + "\" failed while running: " + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()))));
        } finally {
            // A pooled session is reset and reused: it must not keep this run's listeners.
            session.removeEventListener(firings);
            session.removeEventListener(facts);
            session.dispose();
        }
        return run;
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
