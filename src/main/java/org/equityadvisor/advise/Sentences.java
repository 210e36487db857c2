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
import org.equityadvisor.model.PeerFigures;
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
    /** The engine's own words, in the language of the rule set's view ({@link KnowledgeBase#language()}). */
    private final Frames frames;

    Sentences(KnowledgeBase kb, Assessment assessment, int year) {
        this.kb = kb;
        this.frames = Frames.of(kb.language());
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
            case "pp" -> number(value) + frames.unit("unit.point", "unit.points", value);
            case "ratio" -> number(value);
            case "months" -> number(value) + frames.unit("unit.month", "unit.months", value);
            default -> number(value) + " " + unit;
        };
        return metric.per().isEmpty() ? text : text + " " + metric.per();
    }

    /** The metric's own phrase filled in: "14% of low-income students have no home internet". */
    String phrase(Metric metric, String group, double value) {
        return phrase(metric, group, figure(metric, value));
    }

    /** The metric's phrase with its value already written ("at most 50%"). */
    private String phrase(Metric metric, String group, String value) {
        String who = Measure.ALL.equals(group) && !metric.aboutStudents() ? metric.population() : kb.groupName(group);
        return metric.text().replace("{value}", value).replace("{who}", who);
    }

    /**
     * A measured figure's phrase: an area estimate speaks of the children living in the area, not of the
     * district's students; a figure from an earlier year says its year ("in 2018, ...").
     */
    String phrase(Metric metric, Measure m) {
        String text = m.kind() == Measure.Kind.ESTIMATE && m.wholeDistrict() && metric.aboutStudents()
                ? metric.text().replace("{value}", figure(metric, m.value())).replace("{who}", frames.get("who.area"))
                : phrase(metric, m.group(), m.value());
        return m.year() != null && m.year() < year ? frames.get("measure.earlier", m.year(), text) : text;
    }

    /**
     * An outcome in one sentence: "Target within 12 months: 3% of low-income students have no home internet
     * (today 14%). Also tracked: ...". A missing baseline is said, never guessed.
     */
    String outcome(Metric metric, String group, Double baseline, Integer baselineYear, Double target, int months, String tracked) {
        String within = months + frames.unit("unit.month", "unit.months", months);
        StringBuilder text = new StringBuilder();
        if (target != null) {
            boolean hold = baseline != null && !metric.worse(baseline, target) && !metric.worse(target, baseline);
            // Without a baseline the bare figure reads as a fact ("25% of spending comes from one-time funds"):
            // say which way the target bounds it.
            text.append(frames.get(hold ? "outcome.keep" : "outcome.target", within))
                    .append(baseline == null ? bounded(metric, group, target) : phrase(metric, group, target));
            text.append(baseline == null ? frames.get("outcome.noBaseline")
                    : baselineYear != null && baselineYear < year ? frames.get("outcome.baselineYear", figure(metric, baseline), baselineYear)
                    : frames.get("outcome.baselineToday", figure(metric, baseline))).append(". ");
        } else if (baseline == null) {
            text.append(frames.get("outcome.collect", lowerFirst(metric.title())));
        }
        if (tracked != null && !tracked.isBlank()) {
            text.append(target == null && baseline != null ? frames.get("outcome.within", within) : frames.get("outcome.tracked"))
                    .append(lowerFirst(stripPeriod(tracked))).append('.');
        }
        return text.toString().strip();
    }

    /** A target's phrase with its bound: "at most 50% of ..." where higher is worse, "at least 90% of ..." otherwise. */
    private String bounded(Metric metric, String group, double target) {
        return phrase(metric, group, frames.get(metric.direction() == Metric.Direction.HIGHER_IS_WORSE ? "outcome.atMost" : "outcome.atLeast",
                figure(metric, target)));
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
            return frames.get("inferred", number(i.basis()), number(i.line()));
        }
        if (fact instanceof Warning w) {
            return warning(w);
        }
        if (fact instanceof Size z) {
            return frames.get("size", assessment.district().name(), number(z.students()), band(z.band()));
        }
        if (fact instanceof Setting s) {
            return frames.get("setting", s.name(), number(s.value()));
        }
        if (fact instanceof DataGap d) {
            Metric metric = kb.metrics().get(d.metric());
            return frames.get("dataGap", lowerFirst(metric.title()), d.metric());
        }
        if (fact instanceof Measure m) {
            Metric metric = metric(m.metric());
            return metric == null ? frames.get("measure.bare", m.metric(), number(m.value())) : phrase(metric, m) + provenance(m);
        }
        if (fact instanceof Answer a) {
            return rated(a.indicator(), a.level(), a.note());
        }
        if (fact instanceof Suggestion s) {
            return frames.get("fact.suggestion", s.id(), title(s.id()));
        }
        if (fact instanceof District d) {
            return d.locale() == null ? frames.get("fact.district", d.name()) : frames.get("fact.districtLocale", d.name(), word("locale.", d.locale()));
        }
        if (fact instanceof Metric m) {
            return m.threshold() == null ? frames.get("fact.metric", m.id(), m.title()) : frames.get("fact.metricThreshold", m.id(), m.title(), figure(m, m.threshold()));
        }
        if (fact instanceof Indicator i) {
            return frames.get("fact.indicator", i.id(), i.title());
        }
        if (fact instanceof Action a) {
            return frames.get("fact.action", a.id(), a.title());
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
        String title = Measure.ALL.equals(w.group()) ? lowerFirst(metric.title()) : frames.get("warning.forGroup", lowerFirst(metric.title()), kb.groupName(w.group()));
        return switch (w.kind()) {
            case Warning.ANSWERS_ABOVE_ENROLLMENT -> frames.get("warning.answersAboveEnrollment", title, number(w.value()), number(w.limit()));
            case Warning.BELOW_ANY_NETWORK -> frames.get("warning.belowAnyNetwork", new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format(w.value()) + " " + metric.unit() + (metric.per().isEmpty() ? "" : " " + metric.per()), figure(metric, w.limit()));
            case Warning.DEVICES_BELOW_ONE_TO_ONE -> frames.get("warning.devicesBelowOneToOne", number(w.value()), number(w.limit()),
                    w.value() > 0 ? frames.get("warning.devicesBelowOneToOne.each", number(w.limit() / w.value())) : "");
            default -> frames.get("warning.implausible", title, w.kind());
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
            String unit = metric.percent() ? frames.unit("unit.point", "unit.points", behind) : " " + metric.unit();
            return frames.get("gap.behind", phrase, number(behind) + unit, figure(metric, gap.districtValue()), number(gap.threshold()), origin);
        }
        StringBuilder context = new StringBuilder();
        if (gap.subgroup()) {
            assessment.measure(gap.metric(), Measure.ALL).ifPresent(all -> context.append(frames.get("gap.district", figure(metric, all.value()))));
        }
        boolean own = assessment.thresholds().containsKey(gap.metric());
        context.append(frames.get(own ? "gap.ownThreshold" : "gap.threshold", figure(metric, gap.threshold())));
        if (gap.severe() && metric.severe() != null) {
            context.append(frames.get("gap.severe", figure(metric, metric.severe())));
        } else if (gap.possiblySevere() && metric.severe() != null) {
            context.append(frames.get("gap.perhapsSevere", figure(metric, metric.severe())));
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
        String margin = m.moe() == null ? "" : ", ±" + number(m.moe()) + (metric(m.metric()).percent() ? frames.get("unit.points") : "");
        if (m.kind() == Measure.Kind.ESTIMATE) {
            out.append(out.length() > 0 ? "; " : "").append(frames.get("origin.estimate"))
                    .append(m.n() == null ? "" : " (" + number(m.n()) + (metric(m.metric()).aboutStudents()
                            ? frames.unit("unit.child", "unit.children", m.n()) : frames.unit("unit.person", "unit.people", m.n())) + ")").append(margin);
        } else if (m.kind() == Measure.Kind.SURVEY) {
            if (m.n() != null) {
                out.append(out.length() > 0 ? ", " : "").append(number(m.n())).append(frames.unit("unit.answer", "unit.answers", m.n()));
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
            return frames.get("uncertain.few", m.n(), frames.unit("unit.answer", "unit.answers", m.n()));
        }
        return frames.get("uncertain.margin");
    }

    private String provenance(Measure m) {
        String origin = origin(m);
        return origin.isEmpty() ? "" : " (" + origin.substring(2) + ")";
    }

    private String onTarget(Strength s) {
        Metric metric = metric(s.id());
        String phrase = assessment.measure(s.id(), Measure.ALL).map(m -> phrase(metric, m)).orElseGet(() -> phrase(metric, Measure.ALL, s.value()));
        String text = frames.get("onTarget", phrase, figure(metric, metric.threshold()));
        return s.uncertain() ? text + assessment.measure(s.id(), Measure.ALL).map(m -> " (" + uncertainty(m).substring(2) + ")").orElse("") : text;
    }

    private String rated(String indicatorId, int level, String note) {
        Indicator indicator = kb.indicators().get(indicatorId);
        String name = level >= 1 && level <= 4 ? frames.get("level." + level) : frames.get("level.other", level);
        String text = frames.get("rated", level, name, indicator.title(), stripPeriod(indicator.describe(level)));
        return note == null || note.isBlank() ? text : text + frames.get("rated.note", stripPeriod(note));
    }

    /** Joins fact sentences and cites the sources: one plain sentence per reason. */
    String reason(List<String> facts, List<String> sourceIds) {
        String because = facts.isEmpty() ? frames.get("reason.none") : frames.get("reason.because", join(facts));
        List<String> citations = kb.cite(sourceIds);
        String cite = citations.isEmpty() ? "" : frames.get(citations.size() == 1 ? "reason.source" : "reason.sources") + String.join("; ", citations) + ".";
        return because + "." + cite;
    }

    private String join(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join("; ", parts.subList(0, parts.size() - 1)) + frames.get("join.last") + parts.get(parts.size() - 1);
    }

    /** The engine's frame of that key, in this advice's language (for the assembly's own sentences). */
    String frame(String key, Object... args) {
        return frames.get(key, args);
    }

    /** Who the similar districts are, in this advice's language ("Illinois districts with 600-2,400 children and 12-22% in poverty"). */
    String peerScope(PeerFigures peers) {
        PeerFigures.Area a = peers.area();
        if (a == null) {
            return peers.scope();
        }
        String place = switch (a.where()) {
            case "state" -> frame("peers.state", a.place());
            case "region" -> frame("peers.region", frames.has("region." + a.place().replace(' ', '-')) ? frame("region." + a.place().replace(' ', '-')) : a.place());
            default -> frame("peers.nation");
        };
        return frame("peers.scope", place, String.format(Locale.ROOT, "%,d", a.childrenFrom()), String.format(Locale.ROOT, "%,d", a.childrenTo()),
                a.povertyFrom(), a.povertyTo());
    }

    /** " student" or " students" after a count, in this advice's language. */
    String students(double count) {
        return frames.unit("unit.student", "unit.students", count);
    }

    /** A size band in words: "very small". */
    private String band(String band) {
        return word("band.", band);
    }

    /** A fixed word of the engine's (a locale, a band) in this language, or the word itself when it has none. */
    private String word(String prefix, String value) {
        try {
            return frames.get(prefix + value);
        } catch (IllegalStateException e) {
            return value.replace('-', ' ');
        }
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
