package org.equityadvisor.advise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.PeerFigures;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.Setting;
import org.equityadvisor.model.Size;

/**
 * The engine: an assessment in, ranked and explained advice out. Holds no mutable state, so one Advisor
 * serves any number of threads; each call runs the rules in a session no other call uses at the same time (one kept
 * from an earlier advice, already holding the rule set's constant facts, when that run ended normally).
 *
 * <pre>{@code
 * KnowledgeBase kb = KnowledgeBase.load(Path.of("rules"));
 * Advice advice = new Advisor(kb).advise(assessment);
 * }</pre>
 */
public final class Advisor {

    private final KnowledgeBase kb;
    private final Clock clock;
    private final RuleBudget budget;
    private final Function<Assessment, Optional<PeerFigures>> peers;
    /** Sessions that already hold the rule set's constant facts; null: a fresh session for every advice. */
    private final RuleRun.SessionPool sessions;
    /**
     * The kept sessions of every language view of the rule set (each has its own catalog), shared by the advisors made
     * from this one, so that one made per request ({@link #inLanguage}) still finds sessions kept; null: none kept.
     */
    private final Map<KnowledgeBase, RuleRun.SessionPool> pools;

    /** An advisor with the rule budget the environment sets ({@link RuleBudget#fromEnvironment()}). */
    public Advisor(KnowledgeBase kb) {
        this(kb, Clock.systemDefaultZone());
    }

    /**
     * The clock decides which programmes have ended and, where the plan's start is not given, the year figures
     * are aged against ("in 2018", old figures count less); nothing else in the advice.
     */
    public Advisor(KnowledgeBase kb, Clock clock) {
        this(kb, clock, RuleBudget.fromEnvironment());
    }

    /** With a budget of its own: how many firings and how much time one advice may take. */
    public Advisor(KnowledgeBase kb, Clock clock, RuleBudget budget) {
        this(kb, clock, budget, a -> Optional.empty(), new ConcurrentHashMap<>());
    }

    private Advisor(KnowledgeBase kb, Clock clock, RuleBudget budget, Function<Assessment, Optional<PeerFigures>> peers,
            Map<KnowledgeBase, RuleRun.SessionPool> pools) {
        this.kb = Objects.requireNonNull(kb, "kb");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.peers = Objects.requireNonNull(peers, "peers");
        this.pools = pools;
        this.sessions = pools == null ? null : pools.computeIfAbsent(kb, k -> new RuleRun.SessionPool(k.kieBase(), catalog(k), POOLED));
    }

    /** Idle sessions kept per advisor: one per request thread of the server is plenty. */
    private static final int POOLED = 16;

    /** This advisor with a fresh session for every advice (the reference the reused sessions are tested against). */
    Advisor freshSessions() {
        return new Advisor(kb, clock, budget, peers, null);
    }

    RuleRun.SessionPool sessions() {
        return sessions;
    }

    /**
     * This advisor, comparing each district with similar districts: the home-internet finding says where the
     * district stands among them, and a district behind three in four of them ranks that need higher (by
     * ranking.yaml's {@code peers}). The comparison comes from outside the engine, e.g.
     * {@code advisor.withPeers(SimilarDistricts.bundled()::compare)} over the public figures.
     */
    public Advisor withPeers(Function<Assessment, Optional<PeerFigures>> peers) {
        return new Advisor(kb, clock, budget, peers, pools);
    }


    /**
     * This advisor speaking another language: the rule set's words from its translation (rules/i18n), the
     * engine's own from its frames; "en" is the default. The advice carries {@code "language"} when not English.
     *
     * @throws IllegalArgumentException naming the language and the languages the rule set has, for one it has not
     */
    public Advisor inLanguage(String language) {
        return new Advisor(kb.in(language), clock, budget, peers, pools);
    }

    /** The language of this advisor's sentences ("en" unless {@link #inLanguage(String)} chose another). */
    public String language() {
        return kb.language();
    }

    /** The languages this advisor's rule set can speak: "en" and each translation it has. */
    public List<String> languages() {
        return kb.languages();
    }

    public RuleBudget budget() {
        return budget;
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /**
     * @throws InputException when the assessment names unknown ids or values out of range (every problem at once)
     * @throws org.equityadvisor.knowledge.RuleSetException when a rule fails while running
     * @throws RuleBudgetException when the rules go past the advisor's {@link RuleBudget} (the rule named)
     */
    public Advice advise(Assessment assessment) {
        return assemble(assessment).advice();
    }

    /** The advice with its whole trace: rules fired in order, facts matched, candidates kept or dropped. */
    public Explanation explain(Assessment assessment) {
        return assemble(assessment).explanation();
    }

    private Assembly assemble(Assessment input) {
        Objects.requireNonNull(input, "assessment");
        List<Problem> problems = kb.validate(input);
        if (!problems.isEmpty()) {
            throw new InputException("The assessment", problems);
        }
        // Student privacy: a group smaller than ten is never used, only reported as withheld.
        Assessment assessment = input.withoutSuppressed();
        LocalDate reference = referenceDate(assessment);
        Sentences sentences = new Sentences(kb, assessment, reference.getYear());
        RuleRun run = RuleRun.run(kb, own(assessment), catalog(assessment, sentences), size(assessment), budget, sessions);
        return new Assembly(kb, assessment, run, sentences, reference, input.suppressed(), peers.apply(assessment).orElse(null));
    }

    /** Programmes must still exist when the plan starts, and today: the later of the two. Figures age to its year. */
    private LocalDate referenceDate(Assessment assessment) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = assessment.district().planStart();
        return start != null && start.isAfter(today) ? start : today;
    }

    /** The facts one run inserts: the district's own and the framework's (package-private for the JMH benchmark's bare session). */
    List<Object> facts(Assessment assessment, Sentences sentences) {
        List<Object> facts = new ArrayList<>(own(assessment));
        facts.addAll(catalog(assessment, sentences));
        facts.addAll(size(assessment));
        return facts;
    }

    private static List<Object> own(Assessment assessment) {
        List<Object> facts = new ArrayList<>(1 + assessment.answers().size() + assessment.measures().size());
        facts.add(assessment.district());
        facts.addAll(assessment.answers());
        facts.addAll(assessment.measures());
        return facts;
    }

    /**
     * The framework's facts, the same for every district unless it sets thresholds of its own: then its metrics
     * differ and the list is its own (and its run takes a fresh session).
     */
    private List<Object> catalog(Assessment assessment, Sentences sentences) {
        if (sessions != null && assessment.thresholds().isEmpty()) {
            return sessions.catalog;
        }
        List<Object> facts = new ArrayList<>();
        for (Metric metric : kb.metrics().values()) {
            facts.add(sentences.metric(metric.id()));
        }
        addConstants(kb, facts);
        return facts;
    }

    private static List<Object> catalog(KnowledgeBase kb) {
        List<Object> facts = new ArrayList<>(kb.metrics().values());
        addConstants(kb, facts);
        return facts;
    }

    private static void addConstants(KnowledgeBase kb, List<Object> facts) {
        facts.addAll(kb.indicators().values());
        facts.addAll(kb.actions().values());
        facts.addAll(kb.partners().values());
        // The trigger table's rows: the fixed rules of the table match them with the findings.
        facts.addAll(kb.triggers());
        kb.fit().lines().forEach((name, value) -> facts.add(new Setting(name, value)));
    }

    private List<Object> size(Assessment assessment) {
        Integer students = Scorer.size(assessment);
        String band = kb.fit().band(students);
        return band == null ? List.of() : List.of(new Size(students, band));
    }
}
