package org.equityadvisor.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.equityadvisor.model.Measure;

/**
 * Counts answers into the gap metrics for the district and every group, one response at a time; the one
 * aggregation both the survey CSV and Ed-Fi imports use. Holds only counters (a few per group), so memory
 * does not grow with the number of rows. Definitions follow rules/framework/metrics.yaml:
 * <ul>
 * <li>GM-01 no home internet: access "No …" or type "None", of those who answered either;</li>
 * <li>GM-02 smartphone or cellular-only: type "Cellular Network" or device "Smartphone", of those who answered either;</li>
 * <li>GM-03 not sufficient: performance "Sometimes" or "No", of connected students who answered it;</li>
 * <li>GM-04a/b/c barrier "Not Available" / "Not Affordable" / "Not Desired" or "Other", of unconnected students who named one;</li>
 * <li>GM-05 no adequate device: device "None" or "Smartphone", of those who answered;</li>
 * <li>GM-06 shared: "Shared", of device users who answered "Shared" or "Not Shared";</li>
 * <li>GM-07 school-provided: provider "School", of device users who answered;</li>
 * <li>GM-08 coverage: students with at least one answer, of the enrolment (the district only).</li>
 * </ul>
 */
final class Tally {

    /** More distinct races or schools than this means the wrong column was mapped; memory stays bounded either way. */
    static final int MAX_VALUES = 1000;

    static final Map<Question, String> FLAG_GROUPS = Map.of(Question.LOW_INCOME, "low-income", Question.ENGLISH_LEARNER, "english-learners",
            Question.DISABILITY, "disability", Question.HOMELESS, "homeless", Question.MIGRANT, "migrant");
    private static final List<String> GROUP_ORDER = List.of(Measure.ALL, "low-income", "english-learners", "disability", "homeless", "migrant");

    private static final int NO = answer(Question.ACCESS, "No");
    private static final int TYPE_NONE = answer(Question.TYPE, "None");
    private static final int TYPE_UNKNOWN = answer(Question.TYPE, "Unknown");
    private static final int CELLULAR = answer(Question.TYPE, "Cellular Network");
    private static final int PERFORMANCE_YES = answer(Question.PERFORMANCE, "Yes");
    private static final int SMARTPHONE = answer(Question.DEVICE, "Smartphone");
    private static final int DEVICE_NONE = answer(Question.DEVICE, "None");
    private static final int SHARED = answer(Question.SHARING, "Shared");
    private static final int NOT_SHARED = answer(Question.SHARING, "Not Shared");
    private static final int SCHOOL = answer(Question.PROVIDER, "School");
    private static final int NOT_AVAILABLE = answer(Question.BARRIER, "Not Available");
    private static final int NOT_AFFORDABLE = answer(Question.BARRIER, "Not Affordable");
    /** "No - Not Affordable" names its barrier: the access answer's index to the barrier's. */
    private static final Map<Integer, Integer> BARRIER_OF_ACCESS = Map.of(
            answer(Question.ACCESS, "No - Not Available"), NOT_AVAILABLE,
            answer(Question.ACCESS, "No - Not Affordable"), NOT_AFFORDABLE,
            answer(Question.ACCESS, "No - Not Desired"), answer(Question.BARRIER, "Not Desired"),
            answer(Question.ACCESS, "No - Other"), answer(Question.BARRIER, "Other"));

    private final Map<String, Counts> groups = new HashMap<>();
    private final Map<Question, Integer> values = new java.util.EnumMap<>(Question.class);

    private static int answer(Question q, String answer) {
        int index = q.answers().indexOf(answer);
        if (index < 0) {
            throw new IllegalStateException(q + " has no answer " + answer);
        }
        return index;
    }

    /** False when a new race or school would pass {@link #MAX_VALUES} of its column: the row is then not counted. */
    boolean accepts(Question q, String value) {
        return value == null || groups.containsKey(q.group(value)) || values.getOrDefault(q, 0) < MAX_VALUES;
    }

    void add(Response r) {
        counts(Measure.ALL).add(r);
        FLAG_GROUPS.forEach((q, group) -> {
            if (r.get(q) == Question.Flag.YES) {
                counts(group).add(r);
            }
        });
        if (r.race() != null) {
            counts(Question.RACE.group(r.race())).add(r);
        }
        if (r.school() != null) {
            counts(Question.SCHOOL.group(r.school())).add(r);
        }
    }

    private Counts counts(String group) {
        return groups.computeIfAbsent(group, g -> {
            if (g.startsWith("race:")) {
                values.merge(Question.RACE, 1, Integer::sum);
            } else if (g.startsWith("school:")) {
                values.merge(Question.SCHOOL, 1, Integer::sum);
            }
            return new Counts();
        });
    }

    /** How many responses were counted for the whole district. */
    int respondents() {
        Counts all = groups.get(Measure.ALL);
        return all == null ? 0 : all.respondents;
    }

    /**
     * The figures, district first, then each group. Withheld, and named in {@code withheld} (student privacy):
     * a group with fewer than {@link Measure#MIN_GROUP} answers; any figure counting fewer; a group's figure
     * when the rest of the district counts fewer (it could be worked out by subtraction); and, among races
     * or schools, the next smallest figure when the withheld ones add up to fewer (the same subtraction).
     */
    List<Measure> measures(Integer enrollment, String source, Integer year, List<String> withheld, List<String> notes) {
        Map<String, Counts> groups = ordered();
        Map<String, Map<String, String>> hidden = new LinkedHashMap<>();
        groups.forEach((group, c) -> {
            Map<String, String> reasons = new LinkedHashMap<>();
            int[][] figures = c.figures();
            for (int m = 0; m < METRICS.size(); m++) {
                if (c.respondents < Measure.MIN_GROUP) {
                    reasons.put(METRICS.get(m), WHOLE_GROUP);
                } else if (figures[m][1] > 0 && figures[m][1] < Measure.MIN_GROUP) {
                    reasons.put(METRICS.get(m), FEW);
                }
            }
            hidden.put(group, reasons);
        });
        Counts all = groups.get(Measure.ALL);
        if (all != null) {
            complements(groups, all, hidden);
        }
        List<Measure> out = new ArrayList<>();
        groups.forEach((group, c) -> {
            Map<String, String> reasons = hidden.get(group);
            int[][] figures = c.figures();
            for (int m = 0; m < METRICS.size(); m++) {
                if (figures[m][1] > 0 && !reasons.containsKey(METRICS.get(m))) {
                    out.add(new Measure(METRICS.get(m), group, round(100.0 * figures[m][0] / figures[m][1]), figures[m][1], null, year, source,
                            Measure.Kind.SURVEY));
                }
            }
            if (reasons.containsValue(WHOLE_GROUP)) {
                withheld.add(label(group) + ": fewer than " + Measure.MIN_GROUP + " answers, so none of its figures is reported");
                return;
            }
            for (String reason : List.of(FEW, REST, SUBTRACTION)) {
                List<String> metrics = reasons.entrySet().stream().filter(e -> e.getValue().equals(reason)).map(Map.Entry::getKey).toList();
                if (!metrics.isEmpty()) {
                    withheld.add(String.join(", ", metrics) + " for " + label(group) + ": " + reason);
                }
            }
        });
        int used = respondents();
        if (enrollment == null) {
            notes.add("GM-08 (coverage) not computed: give the district's enrolment (--enrollment, or enrollment: in the district file)");
        } else if (used > enrollment) {
            notes.add("GM-08 (coverage) not computed: " + used + " students answered but the enrolment is " + enrollment
                    + "; check for repeated rows, or one row per household rather than per student");
        } else if (used > 0) {
            out.add(new Measure("GM-08", Measure.ALL, round(100.0 * used / enrollment), enrollment, null, year, source, Measure.Kind.SURVEY));
        }
        return out;
    }

    private static final List<String> METRICS = List.of("GM-01", "GM-02", "GM-03", "GM-04a", "GM-04b", "GM-04c", "GM-05", "GM-06", "GM-07");
    private static final String WHOLE_GROUP = "whole group";
    private static final String FEW = "fewer than " + Measure.MIN_GROUP + " students counted";
    private static final String REST = "the rest of the district counts fewer than " + Measure.MIN_GROUP
            + " students, who could be worked out from the district's figure";
    private static final String SUBTRACTION = "withheld as well, so that a smaller withheld group cannot be worked out from the district's figure";

    /** The subtractions a reader could do with the district's figure, closed off (see {@link #measures}). */
    private static void complements(Map<String, Counts> groups, Counts all, Map<String, Map<String, String>> hidden) {
        int[][] district = all.figures();
        for (int m = 0; m < METRICS.size(); m++) {
            String metric = METRICS.get(m);
            for (String group : FLAG_GROUPS.values()) {
                Counts c = groups.get(group);
                int rest = c == null ? 0 : district[m][1] - c.figures()[m][1];
                if (c != null && rest > 0 && rest < Measure.MIN_GROUP) {
                    hidden.get(group).putIfAbsent(metric, REST);
                }
            }
            for (String family : List.of("race:", "school:")) {
                int withheldCount = 0;
                List<String> shown = new ArrayList<>();
                for (Map.Entry<String, Counts> e : groups.entrySet()) {
                    if (e.getKey().startsWith(family)) {
                        int n = e.getValue().figures()[m][1];
                        if (hidden.get(e.getKey()).containsKey(metric)) {
                            withheldCount += n;
                        } else if (n > 0) {
                            shown.add(e.getKey());
                        }
                    }
                }
                int index = m;
                shown.sort(Comparator.comparingInt((String g) -> groups.get(g).figures()[index][1]).thenComparing(g -> g));
                for (int i = 0; withheldCount > 0 && withheldCount < Measure.MIN_GROUP && i < shown.size(); i++) {
                    hidden.get(shown.get(i)).put(metric, SUBTRACTION);
                    withheldCount += groups.get(shown.get(i)).figures()[m][1];
                }
            }
        }
    }

    /** District, the named groups in a fixed order, then races and schools alphabetically. */
    private Map<String, Counts> ordered() {
        Map<String, Counts> out = new LinkedHashMap<>();
        for (String g : GROUP_ORDER) {
            if (groups.containsKey(g)) {
                out.put(g, groups.get(g));
            }
        }
        new TreeMap<>(groups).forEach((g, c) -> {
            if (g.startsWith("race:")) {
                out.put(g, c);
            }
        });
        new TreeMap<>(groups).forEach((g, c) -> {
            if (g.startsWith("school:")) {
                out.put(g, c);
            }
        });
        return out;
    }

    private static String label(String group) {
        return Measure.ALL.equals(group) ? "the whole district" : "group " + group;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** The counters of one group: numerator and denominator of each metric. */
    private static final class Counts {
        int respondents;
        int gm01n;
        int gm01k;
        int gm02n;
        int gm02k;
        int gm03n;
        int gm03k;
        int gm04n;
        int notAvailable;
        int notAffordable;
        int gm05n;
        int gm05k;
        int gm06n;
        int gm06k;
        int gm07n;
        int gm07k;

        /** Numerator and denominator of each metric, in the order of {@link #METRICS}. */
        int[][] figures() {
            return new int[][] {{gm01k, gm01n}, {gm02k, gm02n}, {gm03k, gm03n}, {notAvailable, gm04n}, {notAffordable, gm04n},
                {gm04n - notAvailable - notAffordable, gm04n}, {gm05k, gm05n}, {gm06k, gm06n}, {gm07k, gm07n}};
        }

        void add(Response r) {
            respondents++;
            int access = r.get(Question.ACCESS);
            int type = r.get(Question.TYPE);
            boolean typeKnown = type >= 0 && type != TYPE_UNKNOWN;
            boolean unconnected = access >= NO || type == TYPE_NONE;
            boolean known = access >= 0 || typeKnown;
            if (known) {
                gm01n++;
                gm01k += unconnected ? 1 : 0;
            }
            if (unconnected) {
                int barrier = r.get(Question.BARRIER);
                if (barrier < 0) {
                    barrier = BARRIER_OF_ACCESS.getOrDefault(access, Question.BLANK);
                }
                if (barrier >= 0) {
                    gm04n++;
                    notAvailable += barrier == NOT_AVAILABLE ? 1 : 0;
                    notAffordable += barrier == NOT_AFFORDABLE ? 1 : 0;
                }
            }
            int device = r.get(Question.DEVICE);
            if (typeKnown || device >= 0) {
                gm02n++;
                gm02k += type == CELLULAR || device == SMARTPHONE ? 1 : 0;
            }
            int performance = r.get(Question.PERFORMANCE);
            if (known && !unconnected && performance >= 0) {
                gm03n++;
                gm03k += performance != PERFORMANCE_YES ? 1 : 0;
            }
            if (device >= 0) {
                gm05n++;
                gm05k += device == DEVICE_NONE || device == SMARTPHONE ? 1 : 0;
            }
            int sharing = r.get(Question.SHARING);
            if (device != DEVICE_NONE && (sharing == SHARED || sharing == NOT_SHARED)) {
                gm06n++;
                gm06k += sharing == SHARED ? 1 : 0;
            }
            int provider = r.get(Question.PROVIDER);
            if (device != DEVICE_NONE && provider >= 0) {
                gm07n++;
                gm07k += provider == SCHOOL ? 1 : 0;
            }
        }
    }
}
