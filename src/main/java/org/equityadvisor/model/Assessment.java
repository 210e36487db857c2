package org.equityadvisor.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a district brings: its profile, its self-assessment answers, its gap measures and,
 * optionally, its own thresholds (metric id to value) that replace the framework's defaults.
 */
public record Assessment(District district, List<Answer> answers, List<Measure> measures, Map<String, Double> thresholds) {

    public Assessment {
        answers = Lists.copy(answers);
        measures = Lists.copy(measures);
        thresholds = Lists.copy(thresholds);
    }

    /** The figures of groups too small to report (student privacy): they are never used or stored. */
    public List<Measure> suppressed() {
        return measures.stream().filter(Measure::suppressed).toList();
    }

    /** This assessment with the figures of too-small groups removed. */
    public Assessment withoutSuppressed() {
        return suppressed().isEmpty() ? this
                : new Assessment(district, answers, measures.stream().filter(m -> !m.suppressed()).toList(), thresholds);
    }

    public Optional<Measure> measure(String metric, String group) {
        return measures.stream().filter(m -> m.metric().equals(metric) && m.group().equals(group)).findFirst();
    }

    public Optional<Answer> answer(String indicator) {
        return answers.stream().filter(a -> a.indicator().equals(indicator)).findFirst();
    }
}
