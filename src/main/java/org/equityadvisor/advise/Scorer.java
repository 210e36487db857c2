package org.equityadvisor.advise;

import java.util.Collection;
import java.util.List;
import org.equityadvisor.knowledge.Ranking;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.DataGap;
import org.equityadvisor.model.Divide;
import org.equityadvisor.model.Gap;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.Weakness;

/**
 * Scores a suggestion from the facts that triggered it, with the weights of ranking.yaml: severity (how
 * far past the threshold, or how low the self-rating), reach (the share of students concerned), disparity
 * (how far a group is behind the district) and the leader's own rating of the items the step improves.
 * Each part is the highest any triggering fact gives; the score is rounded so the order is stable.
 */
final class Scorer {

    private final Ranking ranking;
    private final Assessment assessment;
    private final Sentences sentences;

    Scorer(Ranking ranking, Assessment assessment, Sentences sentences) {
        this.ranking = ranking;
        this.assessment = assessment;
        this.sentences = sentences;
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
        return Math.round(score * 1000) / 1000.0;
    }

    /** True when every fact behind a suggestion is an uncertain figure: then it says "verify locally". */
    static boolean onlyUncertain(Collection<Object> facts) {
        return !facts.isEmpty() && facts.stream().allMatch(f -> f instanceof Gap g && g.uncertain());
    }

    private static double rating(int level) {
        return (Answer.HIGHEST - level) / (double) (Answer.HIGHEST - Answer.LOWEST);
    }

    private double severity(Gap gap) {
        if (gap.severe()) {
            return ranking.severeGap();
        }
        Metric metric = sentences.metric(gap.metric());
        double progress = 0;
        if (gap.kind() == Gap.Kind.BEHIND_DISTRICT) {
            double behind = metric.behind(gap.value(), gap.districtValue());
            progress = (behind - gap.threshold()) / gap.threshold();
        } else if (metric.severe() != null) {
            progress = metric.behind(gap.value(), gap.threshold()) / Math.abs(metric.severe() - gap.threshold());
        }
        return ranking.gap() + (ranking.severeGap() - ranking.gap()) * clamp(progress);
    }

    private double reach(Gap gap) {
        Metric metric = sentences.metric(gap.metric());
        // Reach counts students who lack access; practice and capacity figures concern the whole system.
        if (!metric.percent() || !metric.aboutStudents() || metric.divide() != Divide.ACCESS) {
            return ranking.systemReach();
        }
        double badShare = (metric.direction() == Metric.Direction.HIGHER_IS_WORSE ? gap.value() : 100 - gap.value()) / 100;
        double affected = badShare * groupShare(gap);
        return clamp(affected * 100 / ranking.reachFullAt());
    }

    /** The group's share of enrollment: its count over enrollment when both are known, else the default. */
    private double groupShare(Gap gap) {
        if (gap.wholeDistrict()) {
            return 1;
        }
        Integer enrollment = assessment.district().enrollment();
        Integer n = assessment.measure(gap.metric(), gap.group()).map(Measure::n).orElse(null);
        return enrollment != null && n != null ? clamp(n / (double) enrollment) : ranking.defaultGroupShare();
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
