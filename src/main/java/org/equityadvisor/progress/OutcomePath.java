package org.equityadvisor.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Actual;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.OutcomeProgress;
import org.equityadvisor.model.PlanOutcome;
import org.equityadvisor.model.ProgressStatus;

/**
 * The documented rule (docs/progress.md): an outcome is expected to move along a straight line from its
 * baseline, at the plan's start, to its target, at its target date. The latest figure on or before the day
 * asked about is ACHIEVED when it has reached the target, ON_TRACK when it is at least as far along as the
 * line expects on the figure's date, else BEHIND. No baseline, no target, no target date or no figure yet:
 * NO_DATA. The line is the simplest expectation a reader can check by hand; real change is rarely linear, so
 * the sentence always gives the figures. A target the baseline already meets (a level to hold) is ACHIEVED
 * while the figure stays on its good side, BEHIND when it slips.
 */
final class OutcomePath {

    private static final double EPSILON = 1e-9;

    private OutcomePath() {
    }

    static OutcomeProgress of(KnowledgeBase kb, String goalId, PlanOutcome o, LocalDate planStart, LocalDate asOf) {
        List<Actual> known = o.actuals().stream().filter(a -> !a.date().isAfter(asOf)).toList();
        String name = name(kb, o);
        if (o.baseline() == null || o.target() == null || o.targetDate() == null) {
            String missing = o.baseline() == null ? "no baseline yet" : o.target() == null ? "no target set" : "no target date";
            return new OutcomeProgress(goalId, o.key(), o, planStart, ProgressStatus.NO_DATA, null, name + ": " + missing
                    + (known.isEmpty() ? "" : "; latest figure " + number(known.get(known.size() - 1).value()) + " on " + known.get(known.size() - 1).date())
                    + ", so progress cannot be judged.");
        }
        String plan = "baseline " + number(o.baseline()) + " on " + planStart + ", target " + number(o.target()) + " by " + o.targetDate();
        if (known.isEmpty()) {
            return new OutcomeProgress(goalId, o.key(), o, planStart, ProgressStatus.NO_DATA, null, name + ": no figure recorded yet (" + plan + ").");
        }
        Actual latest = known.get(known.size() - 1);
        double expected = expected(o, planStart, latest.date());
        double gain = o.target() - o.baseline();
        int better = better(kb, o);
        ProgressStatus status;
        if (better == 0) {
            status = Math.abs(latest.value() - o.target()) < EPSILON ? ProgressStatus.ACHIEVED : ProgressStatus.BEHIND;
            expected = o.target();
        } else if ((o.baseline() - o.target()) * better >= -EPSILON) {
            // The baseline already meets the target (a target that holds a level): achieved while the figure stays on its good side.
            status = (latest.value() - o.target()) * better >= -EPSILON ? ProgressStatus.ACHIEVED : ProgressStatus.BEHIND;
            expected = o.target();
        } else {
            double done = (latest.value() - o.baseline()) / gain;
            double due = (expected - o.baseline()) / gain;
            status = done >= 1 - EPSILON ? ProgressStatus.ACHIEVED : done >= due - EPSILON ? ProgressStatus.ON_TRACK : ProgressStatus.BEHIND;
        }
        String verdict = switch (status) {
            case ACHIEVED -> "target reached";
            case ON_TRACK -> "on track (the straight line from baseline to target expected " + number(expected) + " by then)";
            case BEHIND -> "behind (the straight line from baseline to target expected " + number(expected) + " by then)";
            case NO_DATA -> "no data";
        };
        return new OutcomeProgress(goalId, o.key(), o, planStart, status, expected,
                name + ": " + number(latest.value()) + " on " + latest.date() + " (" + plan + "): " + verdict + ".");
    }

    /** Where the straight line from baseline (plan start) to target (target date) stands on a day; the target after it. */
    static double expected(PlanOutcome o, LocalDate planStart, LocalDate on) {
        long span = ChronoUnit.DAYS.between(planStart, o.targetDate());
        double share = span <= 0 ? 1 : Math.max(0, Math.min(1, ChronoUnit.DAYS.between(planStart, on) / (double) span));
        return o.baseline() + (o.target() - o.baseline()) * share;
    }

    /**
     * Which way is better: +1 when a higher figure is better, -1 when lower is; from the metric's direction,
     * else from the baseline towards the target; 0 when neither tells (a target equal to the baseline of an
     * unknown metric).
     */
    private static int better(KnowledgeBase kb, PlanOutcome o) {
        Metric m = kb == null ? null : kb.metrics().get(o.metric());
        if (m != null) {
            return m.direction() == Metric.Direction.HIGHER_IS_WORSE ? -1 : 1;
        }
        return (int) Math.signum(o.target() - o.baseline());
    }

    static String name(KnowledgeBase kb, PlanOutcome o) {
        Metric m = kb == null ? null : kb.metrics().get(o.metric());
        String what = m == null ? o.metric() : m.title();
        return what + (o.group() == null || "all".equals(o.group()) ? "" : " (" + (kb == null ? o.group() : kb.groupName(o.group())) + ")");
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : String.valueOf(Math.round(value * 10) / 10.0);
    }
}
