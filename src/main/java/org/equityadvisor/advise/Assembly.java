package org.equityadvisor.advise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.RuleInfo;
import org.equityadvisor.knowledge.Translations;
import org.equityadvisor.model.Action;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.DataGap;
import org.equityadvisor.model.Finding;
import org.equityadvisor.model.Gap;
import org.equityadvisor.model.Goal;
import org.equityadvisor.model.Inferred;
import org.equityadvisor.model.Warning;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.PeerFigures;
import org.equityadvisor.model.Outcome;
import org.equityadvisor.model.OutcomeTemplate;
import org.equityadvisor.model.Partner;
import org.equityadvisor.model.Reason;
import org.equityadvisor.model.ScaleUp;
import org.equityadvisor.model.Strength;
import org.equityadvisor.model.SuggestedAction;
import org.equityadvisor.model.SuggestedGoal;
import org.equityadvisor.model.SuggestedPartner;
import org.equityadvisor.model.Suggestion;
import org.equityadvisor.model.Weakness;

/**
 * Turns one rule run into advice: merges the suggestions several rules made, applies the programme guard,
 * explains and scores each suggestion, places actions and partners under their goals and ranks them.
 * Everything is sorted explicitly, so the same run always gives the same advice, byte for byte.
 */
final class Assembly {

    private final KnowledgeBase kb;
    private final Assessment assessment;
    private final RuleRun run;
    private final Sentences sentences;
    private final Scorer scorer;
    private final LocalDate referenceDate;
    private final List<Measure> suppressed;
    private final List<Decision> decisions = new ArrayList<>();
    /** The district's size band (rules/fit.yaml), which names each step's team roles; null when unknown. */
    private final String band;
    /** How similar districts stand on home internet, or null when they were not compared. */
    private final PeerFigures peers;

    /** A candidate's reasons and the facts behind them. */
    private record Candidate(String id, List<Reason> because, List<Object> facts) {
    }

    Assembly(KnowledgeBase kb, Assessment assessment, RuleRun run, Sentences sentences, LocalDate referenceDate, List<Measure> suppressed,
            PeerFigures peers) {
        this.peers = peers;
        this.suppressed = suppressed;
        this.kb = kb;
        this.assessment = assessment;
        this.run = run;
        this.sentences = sentences;
        this.scorer = new Scorer(kb.ranking(), assessment, sentences, referenceDate.getYear(), peers);
        this.referenceDate = referenceDate;
        this.band = kb.fit().band(Scorer.size(assessment));
    }

    Explanation explanation() {
        Advice advice = advice();
        decisions.sort(Comparator.comparing(Decision::id).thenComparing(Decision::outcome).thenComparing(Decision::reason));
        return new Explanation(advice, firings(), decisions);
    }

    /** The advice alone: what {@code advise} returns, without describing every firing for the trace. */
    Advice advice() {
        Map<String, Candidate> candidates = candidates();
        Map<String, SuggestedAction> actions = new TreeMap<>();
        Map<String, Candidate> partners = new TreeMap<>();
        candidates.forEach((id, c) -> {
            if (kb.actions().containsKey(id)) {
                actions.put(id, action(kb.actions().get(id), c));
            } else {
                partners.put(id, c);
            }
        });
        List<SuggestedGoal> goals = goals(actions, partners);
        return new Advice(kb.hash(), assessment.district().name(), findings(), goals, peers,
                Translations.ENGLISH.equals(kb.language()) ? null : kb.language());
    }

    // --- candidates -----------------------------------------------------------------------------------

    private Map<String, Candidate> candidates() {
        Map<String, List<RuleRun.Match>> kept = new TreeMap<>();
        for (Suggestion s : run.remaining(Suggestion.class)) {
            kept.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(run.insertedBy.get(s));
        }
        Map<String, RuleRun.Match> removed = new TreeMap<>();
        for (Suggestion s : run.deleted(Suggestion.class)) {
            if (!kept.containsKey(s.id())) {
                removed.putIfAbsent(s.id(), run.deletedBy.get(s));
            }
        }
        removed.forEach((id, by) -> decisions.add(new Decision(id, Decision.DROPPED, sentences.frame("decision.removed", by.rule,
                whyRemoved(id, by.facts)))));
        Map<String, Candidate> out = new LinkedHashMap<>();
        kept.forEach((id, matches) -> {
            Optional<String> ended = endedProgramme(id);
            if (ended.isPresent()) {
                decisions.add(new Decision(id, Decision.DROPPED, ended.get()));
                return;
            }
            List<RuleRun.Match> valid = new ArrayList<>();
            for (RuleRun.Match match : matches) {
                LocalDate until = kb.rule(match.rule).map(RuleInfo::validUntil).orElse(null);
                if (until != null && until.isBefore(referenceDate)) {
                    decisions.add(new Decision(id, Decision.DROPPED, sentences.frame("decision.expired", match.rule, until)));
                } else {
                    valid.add(match);
                }
            }
            if (!valid.isEmpty()) {
                out.put(id, candidate(id, valid));
            }
        });
        return out;
    }

    /** The programme guard: never advise a step that depends on a programme that has ended. */
    private Optional<String> endedProgramme(String id) {
        Action action = kb.actions().get(id);
        if (action == null) {
            return Optional.empty();
        }
        return action.programmes().stream().map(kb.programmes()::get).filter(p -> p.endedBy(referenceDate)).findFirst()
                .map(p -> sentences.frame("decision.ended", p.name(), p.ended()));
    }

    /** One reason per rule: several firings of a rule (the district and a group, say) become one sentence. */
    private Candidate candidate(String id, List<RuleRun.Match> matches) {
        Map<String, List<Object>> factsByRule = new TreeMap<>();
        for (RuleRun.Match match : matches) {
            List<Object> facts = factsByRule.computeIfAbsent(match.rule, r -> new ArrayList<>());
            match.facts.stream().filter(Sentences::isReason).filter(f -> facts.stream().noneMatch(g -> g == f)).forEach(facts::add);
        }
        List<Reason> because = new ArrayList<>();
        List<Object> facts = new ArrayList<>();
        factsByRule.forEach((rule, ruleFacts) -> {
            List<String> sources = kb.rule(rule).map(RuleInfo::sources).orElse(List.of());
            facts.addAll(ruleFacts);
            because.add(new Reason(rule, sources, sentences.reason(ruleFacts.stream().map(sentences::describe).distinct().toList(), sources)));
        });
        decisions.add(new Decision(id, Decision.KEPT, factsByRule.size() == 1 && matches.size() == 1
                ? sentences.frame("decision.suggested", matches.get(0).rule)
                : sentences.frame(factsByRule.size() == 1 ? "decision.merged.one" : "decision.merged.other", matches.size(), factsByRule.size())));
        return new Candidate(id, because, facts);
    }

    // --- actions and goals ----------------------------------------------------------------------------

    private SuggestedAction action(Action action, Candidate c) {
        double score = scorer.score(c.facts(), action.indicators());
        List<String> caveats = action.programmes().stream().map(kb.programmes()::get).filter(p -> p.caveat() != null)
                .map(p -> p.name() + ": " + p.caveat()).toList();
        List<Reason> because = new ArrayList<>(c.because());
        Optional<ScaleUp> scaleUp = run.remaining(ScaleUp.class).stream().filter(s -> s.action().equals(action.id())).findFirst();
        scaleUp.ifPresent(up -> {
            String rule = run.insertedBy.get(up).rule;
            because.add(0, new Reason(rule, kb.rule(rule).map(RuleInfo::sources).orElse(List.of()), scaleUpReason(action)));
            decisions.add(new Decision(action.id(), Decision.KEPT, sentences.frame("decision.scaleUp", action.outcome().metric())));
        });
        List<String> team = kb.fit().team(action.team(), band);
        return new SuggestedAction(action.id(), action.title(), action.description(), action.timeline(), team, action.partners(),
                outcome(action.outcome(), c.facts()), score, because, caveats, confidence(c.facts()), scaleUp.isPresent() ? Boolean.TRUE : null,
                scorer.students(c.facts()));
    }

    /** "Scale it up: ... already runs it, yet 14% of students (about 406) still ...": the numbers that say it falls short. */
    private String scaleUpReason(Action action) {
        Gap gap = run.remaining(Gap.class).stream().filter(g -> g.metric().equals(action.outcome().metric()))
                .sorted(Comparator.comparing(Gap::wholeDistrict).reversed().thenComparing(Gap::group)).findFirst().orElseThrow();
        Integer students = scorer.students(List.of(gap));
        return sentences.frame("scaleUp", assessment.district().name(), sentences.describe(gap),
                students == null ? "" : sentences.frame("scaleUp.behind", Sentences.number(students), sentences.students(students)));
    }

    /** The findings a refine rule matched; for a step in place, that the district lists it as running. */
    private String whyRemoved(String id, List<Object> facts) {
        List<String> reasons = facts.stream().filter(Sentences::isReason).map(sentences::describe).toList();
        if (!reasons.isEmpty()) {
            return String.join("; ", reasons);
        }
        if (assessment.district().runs(id)) {
            return sentences.frame("decision.inPlace", assessment.district().name(), id);
        }
        return String.join("; ", facts.stream().filter(f -> !(f instanceof Suggestion)).map(sentences::describe).toList());
    }

    /**
     * The outcome for the group the triggering gap concerns (the WHO), its baseline from the district's own
     * figure, a target set as the catalog's template says, and one sentence that says all of it.
     */
    private Outcome outcome(OutcomeTemplate template, List<Object> facts) {
        Metric metric = sentences.metric(template.metric());
        Gap gap = facts.stream().filter(f -> f instanceof Gap g && g.metric().equals(template.metric())).map(f -> (Gap) f)
                .sorted(Comparator.comparing(Gap::severe).reversed().thenComparing(Gap::group)).findFirst().orElse(null);
        String group = gap == null ? Measure.ALL : gap.group();
        Optional<Measure> measure = assessment.measure(template.metric(), group);
        Double baseline = measure.map(Measure::value).orElse(null);
        Integer year = measure.map(Measure::year).orElse(null);
        Double target = template.targetFor(metric, baseline, gap);
        return new Outcome(template.metric(), group, baseline, target, template.months(),
                sentences.outcome(metric, group, baseline, year, target, template.months(), template.text()));
    }

    private List<SuggestedGoal> goals(Map<String, SuggestedAction> actions, Map<String, Candidate> partners) {
        Map<String, List<SuggestedAction>> byGoal = new TreeMap<>();
        actions.values().forEach(a -> byGoal.computeIfAbsent(kb.actions().get(a.id()).goal(), g -> new ArrayList<>()).add(a));
        Map<String, List<SuggestedPartner>> partnersByGoal = new TreeMap<>();
        partners.forEach((id, c) -> {
            Partner partner = kb.partners().get(id);
            Set<String> homes = new java.util.TreeSet<>();
            actions.values().stream().filter(a -> a.partners().contains(id)).forEach(a -> homes.add(kb.actions().get(a.id()).goal()));
            partner.goals().stream().filter(byGoal::containsKey).forEach(homes::add);
            if (homes.isEmpty()) {
                decisions.add(new Decision(id, Decision.DROPPED, sentences.frame("decision.noHome", String.join(", ", partner.goals()))));
                return;
            }
            double score = scorer.score(c.facts(), List.of());
            SuggestedPartner suggested = new SuggestedPartner(id, partner.title(), partner.description(), score, c.because(), confidence(c.facts()));
            homes.forEach(goal -> partnersByGoal.computeIfAbsent(goal, g -> new ArrayList<>()).add(suggested));
        });
        // Equal scores: the step reaching more students first, then by id (ranking.yaml).
        Comparator<SuggestedAction> actionOrder = Comparator.comparingDouble(SuggestedAction::score).reversed()
                .thenComparing(SuggestedAction::studentsReached, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(SuggestedAction::id);
        Comparator<SuggestedPartner> partnerOrder = Comparator.comparingDouble(SuggestedPartner::score).reversed().thenComparing(SuggestedPartner::id);
        List<SuggestedGoal> unranked = new ArrayList<>();
        byGoal.forEach((goalId, list) -> {
            Goal goal = kb.goals().get(goalId);
            list.sort(actionOrder);
            List<SuggestedPartner> goalPartners = new ArrayList<>(partnersByGoal.getOrDefault(goalId, List.of()));
            goalPartners.sort(partnerOrder);
            Set<Reason> because = new LinkedHashSet<>();
            list.forEach(a -> because.addAll(a.because()));
            // Say it once: the goal lists each reason once; a step or partner whose reason an earlier step of the
            // goal already gives points to that step instead of repeating it.
            List<SuggestedAction> original = List.copyOf(list);
            for (int i = 1; i < list.size(); i++) {
                list.set(i, saidOnce(original.get(i), original.subList(0, i)));
            }
            List<SuggestedAction> everyAction = new ArrayList<>(original);
            // By identity: every suggested action is one object per id, and record equals on its lists was 5% of an advice.
            Set<SuggestedAction> inGoal = identitySet(original);
            actions.values().stream().filter(a -> !inGoal.contains(a)).forEach(everyAction::add);
            goalPartners.replaceAll(p -> pointing(p, everyAction));
            double score = list.get(0).score();
            Integer students = list.stream().map(SuggestedAction::studentsReached).filter(java.util.Objects::nonNull).max(Integer::compare).orElse(null);
            unranked.add(new SuggestedGoal(goalId, goal.title(), goal.description(), goal.divide(), 0, score, List.copyOf(because), list, goalPartners,
                    students));
        });
        unranked.sort(Comparator.comparingDouble(SuggestedGoal::score).reversed()
                .thenComparing(SuggestedGoal::studentsReached, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(SuggestedGoal::id));
        List<SuggestedGoal> ranked = new ArrayList<>();
        for (SuggestedGoal g : unranked) {
            ranked.add(new SuggestedGoal(g.id(), g.title(), g.description(), g.divide(), ranked.size() + 1, g.score(), g.because(), g.actions(), g.partners(),
                    g.studentsReached()));
        }
        return ranked;
    }

    /** The part of a reason that names the facts, without its citation. */
    private String facts(Reason r) {
        int cite = r.text().indexOf(sentences.frame("reason.citation"));
        return cite < 0 ? r.text() : r.text().substring(0, cite);
    }

    private String citation(Reason r) {
        int cite = r.text().indexOf(sentences.frame("reason.citation"));
        return cite < 0 ? "" : r.text().substring(cite + 1);
    }

    /** A step whose reason an earlier step of its goal gives already points to that step instead. */
    private SuggestedAction saidOnce(SuggestedAction action, List<SuggestedAction> earlier) {
        List<Reason> because = new ArrayList<>();
        for (Reason r : action.because()) {
            Optional<SuggestedAction> first = earlier.stream().filter(e -> e.because().stream().anyMatch(x -> facts(x).equals(facts(r)))).findFirst();
            because.add(first.map(e -> new Reason(r.rule(), r.sources(), sentences.frame("sameFinding", e.id()) + citation(r)))
                    .orElse(r));
        }
        return because.equals(action.because()) ? action : new SuggestedAction(action.id(), action.title(), action.description(), action.timeline(),
                action.team(), action.partners(), action.outcome(), action.score(), because, action.caveats(), action.confidence(), action.scaleUp(),
                action.studentsReached());
    }

    private static Set<SuggestedAction> identitySet(List<SuggestedAction> actions) {
        Set<SuggestedAction> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        set.addAll(actions);
        return set;
    }

    /** A partner whose every reason is a step's reason in the goal points to that step (the one that works with it, first). */
    private SuggestedPartner pointing(SuggestedPartner partner, List<SuggestedAction> actions) {
        List<SuggestedAction> candidates = new ArrayList<>(actions.stream().filter(a -> a.partners().contains(partner.id())).toList());
        Set<SuggestedAction> working = identitySet(candidates);
        actions.stream().filter(a -> !working.contains(a)).forEach(candidates::add);
        for (SuggestedAction a : candidates) {
            boolean same = partner.because().stream().allMatch(r -> a.because().stream().anyMatch(x -> facts(x).equals(facts(r))));
            if (same && !partner.because().isEmpty()) {
                Reason first = partner.because().get(0);
                return new SuggestedPartner(partner.id(), partner.title(), partner.description(), partner.score(),
                        List.of(new Reason(first.rule(), first.sources(), sentences.frame("worksWith", a.id()))), partner.confidence());
            }
        }
        return partner;
    }

    // --- findings and trace ---------------------------------------------------------------------------

    /** "; similar districts: median 9%, …" after the finding the peers were compared on. */
    private String peerClause(Gap gap) {
        return peers != null && Scorer.comparedWithPeers(gap, peers)
                ? "; " + peers.sentence(sentences.metric(gap.metric()).percent() ? "%" : "", sentences.frame("peers"), sentences.peerScope(peers)) : "";
    }

    private List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Gap gap : run.remaining(Gap.class)) {
            out.add(new Finding(Finding.GAP, gap.metric(), gap.group(), gap.value(), gap.threshold(), gap.severe() ? "severe" : "flag",
                    null, rule(gap), capitalise(sentences.describe(gap)) + peerClause(gap), gap.uncertain() || scorer.old(gap) ? Finding.LOW_CONFIDENCE : null));
        }
        for (Weakness w : run.remaining(Weakness.class)) {
            out.add(new Finding(Finding.WEAKNESS, w.indicator(), null, null, null, null, w.level(), rule(w), capitalise(sentences.describe(w)), null));
        }
        for (Warning w : run.remaining(Warning.class)) {
            out.add(new Finding(Finding.WARNING, w.kind(), w.group(), w.value(), w.limit(), null, null, rule(w), capitalise(sentences.describe(w)), null));
        }
        for (Inferred i : run.remaining(Inferred.class)) {
            out.add(new Finding(Finding.INFERRED, i.metric(), Measure.ALL, i.basis(), i.line(), null, null, rule(i), capitalise(sentences.describe(i)),
                    Finding.LOW_CONFIDENCE));
        }
        for (DataGap d : run.remaining(DataGap.class)) {
            out.add(new Finding(Finding.DATA_GAP, d.metric(), null, null, null, null, null, rule(d), capitalise(sentences.describe(d)), null));
        }
        for (Measure m : suppressed) {
            out.add(new Finding(Finding.DATA_GAP, m.metric(), m.group(), null, null, null, null, null, sentences.frame("withheld", kb.groupName(m.group()),
                    Sentences.lowerFirst(sentences.metric(m.metric()).title()), m.n(), Measure.MIN_GROUP), null));
        }
        for (Strength s : run.remaining(Strength.class)) {
            Metric metric = s.value() == null ? null : sentences.metric(s.id());
            out.add(new Finding(Finding.STRENGTH, s.id(), s.value() == null ? null : Measure.ALL, s.value(),
                    metric == null ? null : metric.threshold(), null, s.level(), rule(s), capitalise(sentences.describe(s)),
                    s.uncertain() || s.value() != null && assessment.measure(s.id(), Measure.ALL).map(scorer::old).orElse(false)
                            ? Finding.LOW_CONFIDENCE : null));
        }
        List<String> kinds = List.of(Finding.WARNING, Finding.GAP, Finding.INFERRED, Finding.WEAKNESS, Finding.DATA_GAP, Finding.STRENGTH);
        out.sort(Comparator.comparing((Finding f) -> kinds.indexOf(f.kind()))
                .thenComparing(f -> "severe".equals(f.severity()) ? 0 : 1)
                .thenComparing(Finding::id)
                .thenComparing(f -> f.group() == null || Measure.ALL.equals(f.group()) ? "" : f.group())
                .thenComparing(Finding::text));
        return dedupe(out);
    }

    private static List<Finding> dedupe(List<Finding> findings) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        findings.forEach(f -> unique.putIfAbsent(f.kind() + "|" + f.id() + "|" + f.group() + "|" + f.text(), f));
        return List.copyOf(unique.values());
    }

    private String rule(Object fact) {
        RuleRun.Match match = run.insertedBy.get(fact);
        return match == null ? null : match.rule;
    }

    private List<Firing> firings() {
        List<Firing> out = new ArrayList<>();
        for (RuleRun.Match m : run.firings) {
            String stage = kb.rule(m.rule).map(RuleInfo::stage).orElse("");
            out.add(new Firing(m.order, m.rule, stage, m.facts.stream().map(sentences::describe).toList(),
                    m.inserted.stream().map(sentences::describe).toList(), m.deleted.stream().map(sentences::describe).toList()));
        }
        return out;
    }

    private String confidence(List<Object> facts) {
        if (Scorer.onlyInferred(facts)) {
            return Finding.INFERRED;
        }
        return Scorer.onlyUncertain(facts) || scorer.onlyOld(facts) ? Finding.LOW_CONFIDENCE : null;
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
