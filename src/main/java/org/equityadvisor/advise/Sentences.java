package org.equityadvisor.advise;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Action;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.DataGap;
import org.equityadvisor.model.District;
import org.equityadvisor.model.Gap;
import org.equityadvisor.model.Indicator;
import org.equityadvisor.model.Inferred;
import org.equityadvisor.model.Setting;
import org.equityadvisor.model.Size;
import org.equityadvisor.model.Warning;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.Strength;
import org.equityadvisor.model.Suggestion;
import org.equityadvisor.model.Weakness;

/**
 * Turns facts into sentences a superintendent understands, with the numbers that matter: the figure, the
 * district-wide figure for a group, the threshold, where the figure came from and how many it counted.
 * All wording about the framework (metric phrases, group names, level texts) comes from the rule set.
 */
final class Sentences {

    private final KnowledgeBase kb;
    private final Assessment assessment;
    /** The year figures are aged against: a figure from an earlier year is said with its year, never as "today". */
    private final int year;

    Sentences(KnowledgeBase kb, Assessment assessment, int year) {
        this.kb = kb;
        this.assessment = assessment;
        this.year = year;
    }

    static String number(double value) {
        return NUMBER.get().format(value);
    }

    /** Building a DecimalFormat parses its pattern: one per thread (it is not thread-safe), not one per figure. */
    private static final ThreadLocal<DecimalFormat> NUMBER = ThreadLocal.withInitial(() -> new DecimalFormat("#,##0.#",
            DecimalFormatSymbols.getInstance(Locale.ROOT)));

    /** A figure with its unit: "14%", "6 points", "800 kbps per student". */
    String figure(Metric metric, double value) {
        String unit = metric.unit();
        String text = switch (unit) {
            case "%" -> number(value) + "%";
            case "pp" -> number(value) + (value == 1 ? " point" : " points");
            case "ratio" -> number(value);
            case "months" -> number(value) + (value == 1 ? " month" : " months");
            default -> number(value) + " " + unit;
        };
        return metric.per().isEmpty() ? text : text + " " + metric.per();
    }

    /** The metric's own phrase filled in: "14% of low-income students have no home internet". */
    String phrase(Metric metric, String group, double value) {
        String who = Measure.ALL.equals(group) && !metric.aboutStudents() ? metric.population() : kb.groupName(group);
        return metric.text().replace("{value}", figure(metric, value)).replace("{who}", who);
    }

    /**
     * A measured figure's phrase: an area estimate speaks of the children living in the area, not of the
     * district's students; a figure from an earlier year says its year ("in 2018, ...").
     */
    String phrase(Metric metric, Measure m) {
        String text = m.kind() == Measure.Kind.ESTIMATE && m.wholeDistrict() && metric.aboutStudents()
                ? metric.text().replace("{value}", figure(metric, m.value())).replace("{who}", AREA_CHILDREN)
                : phrase(metric, m.group(), m.value());
        return m.year() != null && m.year() < year ? "in " + m.year() + ", " + text : text;
    }

    static final String AREA_CHILDREN = "children living in the district's area";

    /**
     * An outcome in one sentence: "Target within 12 months: 3% of low-income students have no home internet
     * (today 14%). Also tracked: ...". A missing baseline is said, never guessed.
     */
    String outcome(Metric metric, String group, Double baseline, Integer baselineYear, Double target, int months, String tracked) {
        String within = " within " + months + (months == 1 ? " month" : " months");
        StringBuilder text = new StringBuilder();
        if (target != null) {
            boolean hold = baseline != null && !metric.worse(baseline, target) && !metric.worse(target, baseline);
            // Without a baseline the bare figure reads as a fact ("25% of spending comes from one-time funds"):
            // say which way the target bounds it.
            text.append(hold ? "Keep over the next" + within.substring(7) + ": " : "Target" + within + ": ")
                    .append(baseline == null ? bounded(metric, group, target) : phrase(metric, group, target));
            text.append(baseline == null ? " (baseline to be collected)"
                    : baselineYear != null && baselineYear < year ? " (" + figure(metric, baseline) + " in " + baselineYear + ")"
                    : " (today " + figure(metric, baseline) + ")").append(". ");
        } else if (baseline == null) {
            text.append("Baseline to be collected for ").append(lowerFirst(metric.title())).append(". ");
        }
        if (tracked != null && !tracked.isBlank()) {
            text.append(target == null && baseline != null ? "Within" + within.substring(7) + ": " : "Also tracked: ").append(lowerFirst(stripPeriod(tracked))).append('.');
        }
        return text.toString().strip();
    }

    /** A target's phrase with its bound: "at most 50% of ..." where higher is worse, "at least 90% of ..." otherwise. */
    private String bounded(Metric metric, String group, double target) {
        String who = Measure.ALL.equals(group) && !metric.aboutStudents() ? metric.population() : kb.groupName(group);
        String bound = metric.direction() == Metric.Direction.HIGHER_IS_WORSE ? "at most " : "at least ";
        return metric.text().replace("{value}", bound + figure(metric, target)).replace("{who}", who);
    }

    /** The effective metric: the framework's, with the district's own threshold when it set one. */
    Metric metric(String id) {
        Metric metric = kb.metrics().get(id);
        Double own = assessment.thresholds().get(id);
        return own == null ? metric : metric.withThreshold(own);
    }

    String describe(Object fact) {
        if (fact instanceof Gap gap) {
            return gap(gap);
        }
        if (fact instanceof Weakness w) {
            return rated(w.indicator(), w.level(), w.note());
        }
        if (fact instanceof Strength s) {
            return s.level() != null ? rated(s.id(), s.level(), null) : onTarget(s);
        }
        if (fact instanceof Inferred i) {
            return "inferred, not measured: " + number(i.basis()) + "% of the district's children live in poverty (at or above the "
                    + number(i.line()) + "% line), and the reason families are offline is not measured, so cost is the likely barrier;"
                    + " the standard barrier question would settle it";
        }
        if (fact instanceof Warning w) {
            return warning(w);
        }
        if (fact instanceof Size z) {
            return assessment.district().name() + " counts about " + number(z.students()) + " students (a " + z.band().replace('-', ' ') + " district)";
        }
        if (fact instanceof Setting s) {
            return "the line " + s.name() + " = " + number(s.value());
        }
        if (fact instanceof DataGap d) {
            Metric metric = kb.metrics().get(d.metric());
            return "there is no figure yet for " + lowerFirst(metric.title()) + " (" + d.metric() + ")";
        }
        if (fact instanceof Measure m) {
            Metric metric = metric(m.metric());
            return metric == null ? m.metric() + " is " + number(m.value()) : phrase(metric, m) + provenance(m);
        }
        if (fact instanceof Answer a) {
            return rated(a.indicator(), a.level(), a.note());
        }
        if (fact instanceof Suggestion s) {
            return "suggestion " + s.id() + " (" + title(s.id()) + ")";
        }
        if (fact instanceof District d) {
            return "the district " + d.name() + (d.locale() == null ? "" : " (" + d.locale() + ")");
        }
        if (fact instanceof Metric m) {
            return "metric " + m.id() + " (" + m.title() + (m.threshold() == null ? "" : ", threshold " + figure(m, m.threshold())) + ")";
        }
        if (fact instanceof Indicator i) {
            return "indicator " + i.id() + " (" + i.title() + ")";
        }
        if (fact instanceof Action a) {
            return "action " + a.id() + " (" + a.title() + ")";
        }
        return String.valueOf(fact);
    }

    /** True for facts that explain a suggestion; the rest (metrics, catalog entries, the district, lines) are context. */
    static boolean isReason(Object fact) {
        return fact instanceof Gap || fact instanceof Weakness || fact instanceof Strength || fact instanceof DataGap
                || fact instanceof Measure || fact instanceof Answer || fact instanceof Inferred || fact instanceof Size;
    }

    /** A figure that cannot be right as given, and what to check. */
    private String warning(Warning w) {
        Metric metric = metric(w.metric());
        String title = lowerFirst(metric.title()) + (Measure.ALL.equals(w.group()) ? "" : " for " + kb.groupName(w.group()));
        return switch (w.kind()) {
            case Warning.ANSWERS_ABOVE_ENROLLMENT -> "the figure for " + title + " counts " + number(w.value()) + " answers, more than the "
                    + number(w.limit()) + " students enrolled: check the count or the enrollment at the source";
            case Warning.BELOW_ANY_NETWORK -> new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(w.value())
                    + " " + metric.unit() + (metric.per().isEmpty() ? "" : " " + metric.per()) + " is below any real school network (under " + figure(metric, w.limit())
                    + "): check the unit at the source; Mbps may have been written as kbps";
            case Warning.DEVICES_BELOW_ONE_TO_ONE -> "the district says every student has a take-home device (one-to-one) but counts "
                    + number(w.value()) + " student devices for " + number(w.limit()) + " students enrolled"
                    + (w.value() > 0 ? ", one for every " + number(w.limit() / w.value()) + " students" : "")
                    + ": check the device count or the one-to-one answer at the source";
            default -> "the figure for " + title + " looks implausible (" + w.kind() + "): check it at the source";
        };
    }

    String title(String id) {
        if (kb.actions().containsKey(id)) {
            return kb.actions().get(id).title();
        }
        if (kb.partners().containsKey(id)) {
            return kb.partners().get(id).title();
        }
        if (kb.goals().containsKey(id)) {
            return kb.goals().get(id).title();
        }
        return id;
    }

    private String gap(Gap gap) {
        Metric metric = metric(gap.metric());
        Optional<Measure> measure = assessment.measure(gap.metric(), gap.group());
        String phrase = measure.map(m -> phrase(metric, m)).orElseGet(() -> phrase(metric, gap.group(), gap.value()));
        String origin = measure.map(this::origin).orElse("") + (gap.uncertain() ? measure.map(this::uncertainty).orElse("") : "");
        if (gap.kind() == Gap.Kind.BEHIND_DISTRICT) {
            double behind = Math.abs(gap.value() - gap.districtValue());
            String unit = metric.percent() ? (behind == 1 ? " point" : " points") : " " + metric.unit();
            return phrase + ", " + number(behind) + unit + " worse than the district as a whole (" + figure(metric, gap.districtValue())
                    + "; the framework flags groups more than " + number(gap.threshold()) + " points behind" + origin + ")";
        }
        StringBuilder context = new StringBuilder();
        if (gap.subgroup()) {
            assessment.measure(gap.metric(), Measure.ALL).ifPresent(all -> context.append("district ").append(figure(metric, all.value())).append(", "));
        }
        boolean own = assessment.thresholds().containsKey(gap.metric());
        context.append(own ? "your threshold " : "threshold ").append(figure(metric, gap.threshold()));
        if (gap.severe() && metric.severe() != null) {
            context.append(", severe past ").append(figure(metric, metric.severe()));
        } else if (gap.possiblySevere() && metric.severe() != null) {
            context.append(", perhaps severe: past ").append(figure(metric, metric.severe())).append(" but within its margin of error");
        }
        return phrase + " (" + context + origin + ")";
    }

    /**
     * "; 2025 family survey, 812 answers, ±2.1" for the figure's source, count and margin of error. A survey's
     * n counts answers; an area estimate's n is the population it covers, so the two are said differently.
     */
    private String origin(Measure m) {
        StringBuilder out = new StringBuilder();
        if (m.source() != null) {
            out.append(m.source());
        }
        // A figure from an earlier year already opens with it ("in 2018, ...").
        if (m.year() != null && m.year() >= year && (m.source() == null || !m.source().contains(Integer.toString(m.year())))) {
            out.append(out.length() > 0 ? " " : "").append(m.year());
        }
        String margin = m.moe() == null ? "" : ", ±" + number(m.moe()) + (metric(m.metric()).percent() ? " points" : "");
        if (m.kind() == Measure.Kind.ESTIMATE) {
            out.append(out.length() > 0 ? "; " : "").append("a census estimate for the area")
                    .append(m.n() == null ? "" : " (" + number(m.n()) + (metric(m.metric()).aboutStudents()
                            ? (m.n() == 1 ? " child" : " children") : (m.n() == 1 ? " person" : " people")) + ")").append(margin);
        } else if (m.kind() == Measure.Kind.SURVEY) {
            if (m.n() != null) {
                out.append(out.length() > 0 ? ", " : "").append(number(m.n())).append(m.n() == 1 ? " answer" : " answers");
            }
            out.append(margin);
        } else {
            if (m.n() != null) {
                out.append(out.length() > 0 ? ", " : "").append("n=").append(number(m.n()));
            }
            out.append(margin);
        }
        String text = out.toString();
        text = text.startsWith(", ") ? text.substring(2) : text;
        return text.isEmpty() ? "" : "; " + text;
    }

    /** Why a figure is uncertain, and what to do about it. */
    private String uncertainty(Measure m) {
        if (m.n() != null && m.n() < Measure.MIN_COUNT) {
            return "; uncertain: only " + m.n() + (m.n() == 1 ? " answer" : " answers") + ", verify locally";
        }
        return "; uncertain: the margin of error could cross the line, verify locally";
    }

    private String provenance(Measure m) {
        String origin = origin(m);
        return origin.isEmpty() ? "" : " (" + origin.substring(2) + ")";
    }

    private String onTarget(Strength s) {
        Metric metric = metric(s.id());
        String phrase = assessment.measure(s.id(), Measure.ALL).map(m -> phrase(metric, m)).orElseGet(() -> phrase(metric, Measure.ALL, s.value()));
        String text = phrase + ", within the " + figure(metric, metric.threshold()) + " threshold";
        return s.uncertain() ? text + assessment.measure(s.id(), Measure.ALL).map(m -> " (" + uncertainty(m).substring(2) + ")").orElse("") : text;
    }

    private String rated(String indicatorId, int level, String note) {
        Indicator indicator = kb.indicators().get(indicatorId);
        String text = "the district rates itself " + level + " of 4 (" + Indicator.levelName(level) + ") on \u201c" + indicator.title()
                + "\u201d: " + stripPeriod(indicator.describe(level));
        return note == null || note.isBlank() ? text : text + " (note: " + stripPeriod(note) + ")";
    }

    /** Joins fact sentences and cites the sources: one plain sentence per reason. */
    String reason(List<String> facts, List<String> sourceIds) {
        String because = facts.isEmpty() ? "Suggested by the rule set" : "Suggested because " + join(facts);
        List<String> citations = kb.cite(sourceIds);
        String cite = citations.isEmpty() ? "" : (citations.size() == 1 ? " Source: " : " Sources: ") + String.join("; ", citations) + ".";
        return because + "." + cite;
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join("; ", parts.subList(0, parts.size() - 1)) + "; and " + parts.get(parts.size() - 1);
    }

    static String lowerFirst(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        // Keep acronyms and proper names ("IT", "E-Rate") as written.
        if (text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String stripPeriod(String text) {
        String t = text.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
