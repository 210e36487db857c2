package org.equityadvisor.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Trigger;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Metric;

/**
 * The generated cases of the trigger table: for every row, a district where the row's rule must fire (its
 * finding just past the threshold, in its group and locale) and near misses where it must not, each
 * differing from the firing case in one condition only (the figure just within its threshold or severe
 * line, the rating one level better, the group, the locale or the metric just different). A widened or
 * narrowed condition in the compiled rules fails one of them.
 */
final class TriggerCases {

    private static final LocalDate PLAN_START = LocalDate.of(2027, 1, 11);
    private static final int ENROLLMENT = 10_000;
    /** Answers behind a group's figure: enough that the figure is neither withheld nor uncertain. */
    private static final int GROUP_N = 500;
    private static final List<String> OTHER_GROUPS = List.of("english-learners", "low-income", "disability", "homeless", "race:White");

    private final KnowledgeBase kb;

    TriggerCases(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** The firing case and the near misses of every row, in row order. */
    List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        for (Trigger t : kb.triggers()) {
            out.addAll(of(t));
        }
        return out;
    }

    /** One finding as a district's figures: a measure or an answer. */
    private record Case(String says, List<Measure> measures, List<Answer> answers, String locale) {
    }

    List<Scenario> of(Trigger t) {
        List<Case> fire = new ArrayList<>();
        List<Case> miss = new ArrayList<>();
        String locale = t.locale();
        switch (t.finding()) {
            case GAP -> gap(t, fire, miss);
            case WEAKNESS -> rating(t, fire, miss, false);
            case STRENGTH -> {
                if (!t.on().isEmpty() && kb.metrics().containsKey(t.on().get(0))) {
                    onTarget(t, fire, miss);
                } else {
                    rating(t, fire, miss, true);
                }
            }
            case DATA_GAP -> dataGap(t, fire, miss);
        }
        if (locale != null && !fire.isEmpty()) {
            Case f = fire.get(0);
            String other = locale.equals("rural") ? "city" : "rural";
            miss.add(new Case(f.says() + " in a " + other + " district (not " + locale + ")", f.measures(), f.answers(), other));
        }
        List<Scenario> out = new ArrayList<>();
        for (Case c : fire) {
            out.add(scenario(t, "fires on " + c.says() + (locale == null || c.locale() == null ? "" : " in a " + locale + " district"), c, true));
        }
        for (Case c : miss) {
            out.add(scenario(t, "near miss: " + c.says(), c, false));
        }
        return out;
    }

    private Scenario scenario(Trigger t, String says, Case c, boolean fires) {
        District district = new District("Row " + t.row() + " district", null, null, c.locale() == null ? t.locale() : c.locale(), ENROLLMENT, null, null,
                PLAN_START, List.of());
        Assessment assessment = new Assessment(district, c.answers(), c.measures(), java.util.Map.of());
        Expectations expect = new Expectations(List.of(), List.of(), 0, List.of(), List.of(), List.of(), fires ? List.of(t.rule()) : List.of(),
                fires ? List.of() : List.of(t.rule()));
        return new Scenario("row " + t.row() + " " + says, t.location(), t.rule(), assessment, expect, List.of());
    }

    // ---- gaps ---------------------------------------------------------------------------------------------

    private void gap(Trigger t, List<Case> fire, List<Case> miss) {
        Metric metric = t.on().isEmpty() ? anyMetric(List.of()) : kb.metrics().get(t.on().get(0));
        if (metric == null || metric.threshold() == null) {
            return;
        }
        String group = group(t);
        double line = t.severe() && metric.severe() != null ? metric.severe() : metric.threshold();
        double past = past(metric, line);
        fire.add(new Case(figure(metric, group, past) + " (past " + (t.severe() ? "severe line " : "threshold ") + number(line) + ")",
                List.of(measure(metric, group, past)), List.of(), null));
        miss.add(new Case(figure(metric, group, line) + " (just within " + (t.severe() ? "the severe line" : "the threshold") + ")",
                List.of(measure(metric, group, line)), List.of(), null));
        if (!t.groups().isEmpty()) {
            List<String> others = new ArrayList<>();
            others.add(Measure.ALL);
            OTHER_GROUPS.stream().filter(g -> !t.matchesGroup(g) && !g.equals(group)).findFirst().ifPresent(others::add);
            for (String other : others) {
                if (!t.matchesGroup(other)) {
                    miss.add(new Case(figure(metric, other, past) + " (another group)", List.of(measure(metric, other, past)), List.of(), null));
                }
            }
        }
        if (!t.on().isEmpty()) {
            Metric other = anyMetric(t.on());
            if (other != null) {
                double otherPast = past(other, other.threshold());
                miss.add(new Case(figure(other, group, otherPast) + " (another metric)", List.of(measure(other, group, otherPast)), List.of(), null));
            }
        }
    }

    /** A concrete group the row's patterns match: the district for none, low-income for any subgroup. */
    private static String group(Trigger t) {
        if (t.groups().isEmpty()) {
            return Measure.ALL;
        }
        String p = t.groups().get(0);
        if (p.equals(Trigger.SUBGROUP)) {
            return "low-income";
        }
        String g = p.replace("*", "");
        return g.endsWith(":") ? g + "Example" : g;
    }

    /** The first metric with a threshold that is not one of {@code not}, GM-01 first (the commonest figure). */
    private Metric anyMetric(List<String> not) {
        return Stream.concat(Stream.ofNullable(kb.metrics().get("GM-01")), kb.metrics().values().stream())
                .filter(m -> m.threshold() != null && !not.contains(m.id()) && !m.id().equals("GM-10")).findFirst().orElse(null);
    }

    /** Just past a line in the metric's worse direction, by a step fitting the line's size. */
    private static double past(Metric metric, double line) {
        double step = Math.abs(line) >= 1 ? 0.1 : 0.01;
        return metric.direction() == Metric.Direction.HIGHER_IS_WORSE ? line + step : line - step;
    }

    private static Measure measure(Metric metric, String group, double value) {
        return new Measure(metric.id(), group, round(value), Measure.ALL.equals(group) ? null : GROUP_N, null, null, null);
    }

    private String figure(Metric metric, String group, double value) {
        return metric.id() + " at " + number(value) + (Measure.ALL.equals(group) ? " for the district" : " for " + group);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%s", round(value)).replaceAll("\\.0$", "");
    }

    // ---- ratings ------------------------------------------------------------------------------------------

    private void rating(Trigger t, List<Case> fire, List<Case> miss, boolean strength) {
        String item = t.on().isEmpty() ? kb.indicators().firstKey() : t.on().get(0);
        int level = t.level() != null ? t.level() : strength ? 3 : 2;
        int better = strength ? level - 1 : level + 1;
        if (t.level() != null && t.level() == 1 && !strength) {
            better = 2;
        }
        fire.add(new Case(item + " rated " + level, List.of(), List.of(new Answer(item, level)), null));
        miss.add(new Case(item + " rated " + better + " (one level " + (strength ? "lower" : "better") + ")", List.of(),
                List.of(new Answer(item, better)), null));
        if (!t.on().isEmpty()) {
            kb.indicators().keySet().stream().filter(id -> !t.on().contains(id)).findFirst().ifPresent(other -> miss.add(
                    new Case(other + " rated " + level + " (another item)", List.of(), List.of(new Answer(other, level)), null)));
        }
    }

    private void onTarget(Trigger t, List<Case> fire, List<Case> miss) {
        Metric metric = kb.metrics().get(t.on().get(0));
        if (metric.threshold() == null) {
            return;
        }
        fire.add(new Case(figure(metric, Measure.ALL, metric.threshold()) + " (on target)", List.of(measure(metric, Measure.ALL, metric.threshold())),
                List.of(), null));
        double past = past(metric, metric.threshold());
        miss.add(new Case(figure(metric, Measure.ALL, past) + " (just past the threshold)", List.of(measure(metric, Measure.ALL, past)), List.of(), null));
    }

    // ---- data gaps ----------------------------------------------------------------------------------------

    private void dataGap(Trigger t, List<Case> fire, List<Case> miss) {
        List<Metric> key = kb.metrics().values().stream().filter(Metric::key).toList();
        List<Metric> missing = t.on().isEmpty() ? key : key.stream().filter(m -> t.on().contains(m.id())).toList();
        if (missing.isEmpty()) {
            return;
        }
        Metric gone = missing.get(0);
        List<Measure> allBut = key.stream().filter(m -> m != gone).map(TriggerCases::onTarget).toList();
        fire.add(new Case("no figure for " + gone.id() + " (a key figure)", allBut, List.of(), null));
        miss.add(new Case("every key figure present", key.stream().map(TriggerCases::onTarget).toList(), List.of(), null));
    }

    /** A district figure that is no gap: at its threshold, or 0 for a metric without one. */
    private static Measure onTarget(Metric m) {
        return measure(m, Measure.ALL, m.threshold() == null ? 0 : m.threshold());
    }
}
