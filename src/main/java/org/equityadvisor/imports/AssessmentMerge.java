package org.equityadvisor.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.Measure;

/**
 * Merges imported figures into an assessment the district already has, never silently: the district's own
 * answers and profile are kept (an import only fills what is blank), a district's own figure is kept over
 * a public estimate, and a new figure of the district's own replaces an older one. Every decision is said
 * in a notice (for stderr and the file's heading) and in the kept figure's {@code source}, so the advice,
 * which quotes the source, says which figure it used.
 */
public final class AssessmentMerge {

    /** The merged assessment and one sentence per decision a reader should know of. */
    public record Merged(Assessment assessment, List<String> notices) {
        public Merged {
            notices = List.copyOf(notices);
        }
    }

    private static final String[] MARKERS = {"; used instead of ", "; replaces "};

    private AssessmentMerge() {
    }

    /**
     * @param existing the district's assessment as it is
     * @param incoming what an import produced
     * @param from     how to name the import in notices, e.g. "the survey survey.csv"
     */
    public static Merged merge(Assessment existing, Assessment incoming, String from) {
        List<String> notices = new ArrayList<>();
        District district = district(existing.district(), incoming.district(), from, notices);
        Map<String, Answer> answers = new LinkedHashMap<>();
        incoming.answers().forEach(a -> answers.put(a.indicator(), a));
        existing.answers().forEach(a -> answers.put(a.indicator(), a));
        Map<String, Measure> measures = new LinkedHashMap<>();
        existing.measures().forEach(m -> measures.put(key(m), m));
        for (Measure in : incoming.measures()) {
            Measure old = measures.get(key(in));
            if (old == null) {
                measures.put(key(in), in);
            } else if (!same(old, in)) {
                measures.put(key(in), decide(old, in, from, notices));
            }
        }
        Map<String, Double> thresholds = new TreeMap<>(incoming.thresholds());
        thresholds.putAll(existing.thresholds());
        return new Merged(new Assessment(district, new ArrayList<>(answers.values()), new ArrayList<>(measures.values()), thresholds), notices);
    }

    private static Measure decide(Measure old, Measure in, String from, List<String> notices) {
        String what = in.metric() + (in.wholeDistrict() ? "" : " for " + in.group());
        if (in.kind() == Measure.Kind.ESTIMATE && old.kind() != Measure.Kind.ESTIMATE) {
            notices.add("kept the district's own " + what + " (" + AssessmentWriter.number(old.value()) + ") over the estimate from " + from + " ("
                    + AssessmentWriter.number(in.value()) + ")");
            return withSource(old, base(old.source(), "the district's own figure") + "; used instead of " + AssessmentWriter.number(in.value()) + " from "
                    + (in.source() == null ? from : label(in.source())));
        }
        notices.add("replaced " + what + " (" + AssessmentWriter.number(old.value()) + (old.source() == null ? "" : ", " + base(old.source(), "")) + ") with "
                + AssessmentWriter.number(in.value()) + " from " + from);
        return withSource(in, base(in.source(), from) + "; replaces " + AssessmentWriter.number(old.value())
                + (old.source() == null ? "" : " (" + label(old.source()) + ")"));
    }

    private static boolean same(Measure a, Measure b) {
        return a.value() == b.value() && Objects.equals(a.n(), b.n()) && Objects.equals(a.moe(), b.moe())
                && Objects.equals(base(a.source(), ""), base(b.source(), ""));
    }

    /** A source without an earlier merge's remark, so that merging again does not stack remarks. */
    private static String base(String source, String otherwise) {
        if (source == null) {
            return otherwise;
        }
        int cut = source.length();
        for (String marker : MARKERS) {
            int at = source.indexOf(marker);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return source.substring(0, cut);
    }

    /** A source named short, for a remark: without an earlier remark, and without what follows a colon. */
    private static String label(String source) {
        String text = base(source, "");
        int colon = text.indexOf(": ");
        return colon > 0 ? text.substring(0, colon) : text;
    }

    private static Measure withSource(Measure m, String source) {
        return new Measure(m.metric(), m.group(), m.value(), m.n(), m.moe(), m.year(), source, m.kind());
    }

    private static String key(Measure m) {
        return m.metric() + "|" + m.group();
    }

    private static District district(District old, District in, String from, List<String> notices) {
        if (in == null) {
            return old;
        }
        LinkedHashSet<String> inPlace = new LinkedHashSet<>(old.inPlace());
        inPlace.addAll(in.inPlace());
        return new District(
                keep("name", old.name() == null || old.name().isBlank() ? null : old.name(), in.name(), from, notices),
                keep("id", old.id(), in.id(), from, notices),
                keep("state", old.state(), in.state(), from, notices),
                keep("locale", old.locale(), in.locale(), from, notices),
                keep("enrollment", old.enrollment(), in.enrollment(), from, notices),
                keep("schools", old.schools(), in.schools(), from, notices),
                keep("lowIncomePct", old.lowIncomePct(), in.lowIncomePct(), from, notices),
                keep("planStart", old.planStart(), in.planStart(), from, notices),
                new ArrayList<>(inPlace),
                keep("studentDevices", old.studentDevices(), in.studentDevices(), from, notices));
    }

    private static <T> T keep(String field, T old, T in, String from, List<String> notices) {
        if (old == null) {
            return in;
        }
        if (in != null && !in.equals(old)) {
            notices.add("kept the district's own " + field + " (" + show(old) + ") over " + show(in) + " from " + from);
        }
        return old;
    }

    private static String show(Object value) {
        return value instanceof Double d ? AssessmentWriter.number(d) : String.valueOf(value);
    }
}
