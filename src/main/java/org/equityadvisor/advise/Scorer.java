package org.equityadvisor.advise;

import java.util.Collection;
import java.util.List;
import org.equityadvisor.knowledge.Ranking;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.DataGap;
import org.equityadvisor.model.Divide;
import org.equityadvisor.model.Gap;
import org.equityadvisor.model.Inferred;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.PeerFigures;
import org.equityadvisor.model.Weakness;

/**
 * Scores a suggestion from the facts that triggered it, with the weights of ranking.yaml: severity (how
 * far past the threshold, or how low the self-rating), reach (the share of students concerned and their
 * number), disparity (how far a group is behind the district) and the leader's own rating of the items the
 * step improves. Each part is the highest any triggering fact gives; the score is rounded so the order is
 * stable. Severity and reach keep rising with the figure: a district where 73% of children are offline
 * outranks one at 20%, and a share of a large district outranks the same share of a small one.
 */
final class Scorer {

    private final Ranking ranking;
    private final Assessment assessment;
    private final Sentences sentences;
    private final int year;
    private final Integer size;
    private final PeerFigures peers;

    Scorer(Ranking ranking, Assessment assessment, Sentences sentences, int year, PeerFigures peers) {
        this.peers = peers;
        this.ranking = ranking;
        this.assessment = assessment;
        this.sentences = sentences;
        this.year = year;
        this.size = size(assessment);
    }

    /**
     * The district's number of students: its enrollment, else the largest count a district-wide figure gives
     * (the children an area estimate covers, or the answers of a survey, a lower bound). Null when unknown.
     */
    static Integer size(Assessment assessment) {
        if (assessment.district().enrollment() != null) {
            return assessment.district().enrollment();
        }
        return assessment.measures().stream().filter(Measure::wholeDistrict).map(Measure::n).filter(n -> n != null).max(Integer::compare).orElse(null);
    }

    double score(Collection<Object> facts, List<String> indicators) {
        double severity = 0;
        double reach = 0;
        double disparity = 0;
        double rating = 0;
        for (Object fact : facts) {
            if (fact instanceof Gap gap) {
                severity = Math.max(severity, severity(gap));
                reach = Math.max(reach, reach(gap));
                disparity = Math.max(disparity, disparity(gap));
            } else if (fact instanceof Weakness w) {
                severity = Math.max(severity, ranking.weaknessSeverity(w.level()));
                reach = Math.max(reach, ranking.systemReach());
                rating = Math.max(rating, rating(w.level()));
            } else if (fact instanceof DataGap) {
                severity = Math.max(severity, ranking.dataGap());
                reach = Math.max(reach, ranking.systemReach());
            } else if (fact instanceof Inferred) {
                severity = Math.max(severity, ranking.gap());
                reach = Math.max(reach, ranking.systemReach());
            }
        }
        for (String indicator : indicators) {
            for (Answer answer : assessment.answers()) {
                if (answer.indicator().equals(indicator)) {
                    rating = Math.max(rating, rating(answer.level()));
                }
            }
        }
        double score = severity * ranking.severityWeight() + reach * ranking.reachWeight()
                + disparity * ranking.disparityWeight() + rating * ranking.ratingWeight();
        if (onlyUncertain(facts)) {
            score *= ranking.uncertain();
        }
        if (onlyOld(facts)) {
            score *= ranking.old();
        }
        if (onlyInferred(facts)) {
            score *= ranking.inferred();
        }
        if (peers != null && peers.lagging() && facts.stream().anyMatch(f -> f instanceof Gap g && comparedWithPeers(g, peers))) {
            score = Math.min(1, score + ranking.peers());
        }
        return Math.round(score * 1000) / 1000.0;
    }

    /** True when the gap is the figure similar districts were compared on: the same metric, for all students. */
    static boolean comparedWithPeers(Gap gap, PeerFigures peers) {
        return gap.metric().equals(peers.metric()) && gap.wholeDistrict();
    }

    /** True when every fact behind a suggestion is an uncertain figure: then it says "verify locally". */
    static boolean onlyUncertain(Collection<Object> facts) {
        return !facts.isEmpty() && facts.stream().allMatch(f -> f instanceof Gap g && g.uncertain());
    }

    /** True when a suggestion rests on an inference and on no measured gap, weakness or missing figure. */
    static boolean onlyInferred(Collection<Object> facts) {
        return facts.stream().anyMatch(f -> f instanceof Inferred) && facts.stream().noneMatch(f -> f instanceof Gap || f instanceof Weakness || f instanceof DataGap);
    }

    /** True when every fact behind a suggestion is a figure older than ranking.yaml's age.staleAfter. */
    boolean onlyOld(Collection<Object> facts) {
        return !facts.isEmpty() && facts.stream().allMatch(f -> f instanceof Gap g && old(g));
    }

    boolean old(Gap gap) {
        return assessment.measure(gap.metric(), gap.group()).map(m -> old(m)).orElse(false);
    }

    boolean old(Measure m) {
        return m.age(year) > ranking.staleAfter();
    }

    /**
     * The students a suggestion reaches: the most any of its gaps concerns (the figure's share of the group,
     * times the group's size). Null when the district's size is not known or no gap counts students.
     */
    Integer students(Collection<Object> facts) {
        double most = -1;
        for (Object fact : facts) {
            if (fact instanceof Gap gap) {
                most = Math.max(most, heads(gap));
            }
        }
        return most < 0 ? null : (int) Math.round(most);
    }

    private static double rating(int level) {
        return (Answer.HIGHEST - level) / (double) (Answer.HIGHEST - Answer.LOWEST);
    }

    /** From ranking.yaml's severity.gap at the line, rising without a cliff towards 1 the further past it the figure is. */
    private double severity(Gap gap) {
        Metric metric = sentences.metric(gap.metric());
        double past;
        double span;
        if (gap.kind() == Gap.Kind.BEHIND_DISTRICT) {
            past = metric.behind(gap.value(), gap.districtValue()) - gap.threshold();
            span = gap.threshold();
        } else {
            past = metric.behind(gap.value(), gap.threshold());
            span = metric.severe() != null ? Math.abs(metric.severe() - gap.threshold()) : Math.abs(gap.threshold());
        }
        double p = Math.max(0, span > 0 ? past / span : past);
        return ranking.gap() + (1 - ranking.gap()) * p / (p + ranking.halfway());
    }

    /** The share of the students behind, and their number on a log scale, weighed as ranking.yaml's reach says. */
    private double reach(Gap gap) {
        Metric metric = sentences.metric(gap.metric());
        // Reach counts students who lack access; practice and capacity figures concern the whole system.
        if (!countsStudents(metric)) {
            return ranking.systemReach();
        }
        double share = badShare(metric, gap) * groupShare(gap) * 100;
        double shareReach = share / (share + ranking.reachShareHalf());
        double heads = heads(gap);
        if (heads < 0) {
            return shareReach;
        }
        double headReach = clamp(Math.log10(1 + heads) / Math.log10(1 + ranking.reachHeadsFull()));
        return (1 - ranking.reachHeads()) * shareReach + ranking.reachHeads() * headReach;
    }

    private static boolean countsStudents(Metric metric) {
        return metric.percent() && metric.aboutStudents() && metric.divide() == Divide.ACCESS;
    }

    private static double badShare(Metric metric, Gap gap) {
        return (metric.direction() == Metric.Direction.HIGHER_IS_WORSE ? gap.value() : 100 - gap.value()) / 100;
    }

    /** Students behind on a gap, or -1 when the district's size is unknown or the figure does not count students. */
    private double heads(Gap gap) {
        Metric metric = sentences.metric(gap.metric());
        if (size == null || !countsStudents(metric)) {
            return -1;
        }
        return badShare(metric, gap) * groupShare(gap) * size;
    }

    /** The group's share of enrollment: its count over enrollment when both are known, else the default. */
    private double groupShare(Gap gap) {
        if (gap.wholeDistrict()) {
            return 1;
        }
        Integer n = assessment.measure(gap.metric(), gap.group()).map(Measure::n).orElse(null);
        return size != null && n != null ? clamp(n / (double) size) : ranking.defaultGroupShare();
    }

    private double disparity(Gap gap) {
        if (gap.wholeDistrict()) {
            return 0;
        }
        Metric metric = sentences.metric(gap.metric());
        Double district = gap.districtValue() != null ? gap.districtValue()
                : assessment.measure(gap.metric(), Measure.ALL).map(Measure::value).orElse(null);
        return district == null ? 0 : clamp(metric.behind(gap.value(), district) / ranking.disparityFullAt());
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
