package org.equityadvisor.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.InputLimits;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.Problem;

/** Checks an assessment against the framework: ids it knows, levels 1..4, values in their metric's range. */
final class AssessmentCheck {

    private static final Set<String> LOCALES = Set.of("city", "suburb", "town", "rural");

    private AssessmentCheck() {
    }

    static List<Problem> problems(Assessment a, Definitions d) {
        List<Problem> out = new ArrayList<>();
        District district = a.district();
        if (district == null) {
            out.add(new Problem("district", "is required"));
        } else {
            district(district, d, out);
        }
        // One problem for a list beyond its limit, before any of its entries is checked.
        int before = out.size();
        if (a.answers().size() > InputLimits.LIST_ITEMS) {
            out.add(new Problem("answers", InputLimits.tooMany(a.answers().size(), InputLimits.LIST_ITEMS, "entries")));
        }
        if (a.thresholds().size() > InputLimits.LIST_ITEMS) {
            out.add(new Problem("thresholds", InputLimits.tooMany(a.thresholds().size(), InputLimits.LIST_ITEMS, "entries")));
        }
        if (a.measures().size() > InputLimits.MEASURES) {
            out.add(new Problem("measures", InputLimits.tooMany(a.measures().size(), InputLimits.MEASURES, "rows")));
        }
        if (out.size() > before) {
            return out;
        }
        for (Answer answer : a.answers()) {
            String place = "answers." + answer.indicator();
            if (!text(out, place, answer.indicator(), InputLimits.ID)) {
                continue;
            }
            if (!d.indicators().containsKey(answer.indicator())) {
                out.add(new Problem(place, InputLimits.quote(answer.indicator()) + " is not a self-assessment indicator" + hint(answer.indicator(), d.indicators().keySet())));
            }
            text(out, place + ".note", answer.note(), InputLimits.SENTENCE);
            if (answer.level() < Answer.LOWEST || answer.level() > Answer.HIGHEST) {
                out.add(new Problem(place, "level " + answer.level() + " is outside 1..4 (1 Foundational, 2 Developing, 3 Established, 4 Advanced)"));
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < a.measures().size(); i++) {
            Measure m = a.measures().get(i);
            String place = "measures[" + i + "]";
            Metric metric = d.metrics().get(m.metric());
            if (!text(out, place + ".metric", m.metric(), InputLimits.ID)) {
                metric = null;
            } else if (metric == null) {
                out.add(new Problem(place + ".metric", InputLimits.quote(m.metric()) + " is not a gap metric" + hint(m.metric(), d.metrics().keySet())));
            } else {
                range(place + ".value", m.value(), metric, out);
            }
            if (m.moe() != null && figure(out, place + ".moe", m.moe()) && m.moe() < 0) {
                out.add(new Problem(place + ".moe", m.moe() + " is negative; a margin of error is at least 0"));
            }
            if (m.n() != null && (m.n() <= 0 || m.n() > InputLimits.COUNT)) {
                out.add(new Problem(place + ".n", m.n() + (m.n() <= 0 ? " must be above 0: it counts respondents or students"
                        : " is above " + InputLimits.count(InputLimits.COUNT) + ", the most one figure may count")));
            }
            if (text(out, place + ".group", m.group(), InputLimits.ID) && d.groups().stream().noneMatch(g -> g.matches(m.group()))) {
                out.add(new Problem(place + ".group", InputLimits.quote(m.group()) + " is not a group: use all, low-income, english-learners, disability, "
                        + "homeless, migrant, race:<name>, school:<id> or staff"));
            }
            text(out, place + ".source", m.source(), InputLimits.SENTENCE);
            if (!seen.add(m.metric() + "|" + m.group())) {
                out.add(new Problem(place, "a second row for " + m.metric() + " and group " + m.group() + "; give each metric and group once"));
            }
        }
        for (Map.Entry<String, Double> t : a.thresholds().entrySet()) {
            Metric metric = d.metrics().get(t.getKey());
            String place = "thresholds." + t.getKey();
            if (!text(out, place, t.getKey(), InputLimits.ID)) {
                continue;
            }
            if (metric == null) {
                out.add(new Problem(place, InputLimits.quote(t.getKey()) + " is not a gap metric" + hint(t.getKey(), d.metrics().keySet())));
            } else if (t.getValue() == null) {
                out.add(new Problem(place, "needs a number"));
            } else {
                range(place, t.getValue(), metric, out);
            }
        }
        return out;
    }

    private static void district(District district, Definitions d, List<Problem> out) {
        if (district.name() == null || district.name().isBlank()) {
            out.add(new Problem("district.name", "is required: the district's name"));
        } else {
            text(out, "district.name", district.name(), InputLimits.NAME);
        }
        if (district.id() != null && !district.id().matches("\\d{7}")) {
            out.add(new Problem("district.id", InputLimits.quote(district.id()) + " is not a 7-digit NCES LEA id (write it in quotes to keep leading zeros)"));
        }
        if (district.state() != null && !district.state().matches("[A-Z]{2}")) {
            out.add(new Problem("district.state", InputLimits.quote(district.state()) + " is not a two-letter state code such as CA"));
        }
        if (district.locale() != null && !LOCALES.contains(district.locale())) {
            out.add(new Problem("district.locale", InputLimits.quote(district.locale()) + " is not one of city, suburb, town, rural"));
        }
        count(out, "district.enrollment", district.enrollment(), InputLimits.ENROLLMENT);
        count(out, "district.schools", district.schools(), InputLimits.SCHOOLS);
        if (district.studentDevices() != null && district.studentDevices() < 0) {
            out.add(new Problem("district.studentDevices", district.studentDevices() + " is negative; it counts devices"));
        } else if (district.studentDevices() != null && district.studentDevices() > 2 * InputLimits.ENROLLMENT) {
            out.add(new Problem("district.studentDevices", InputLimits.count(district.studentDevices()) + " is above "
                    + InputLimits.count(2 * InputLimits.ENROLLMENT) + ", more than any district has"));
        }
        if (district.lowIncomePct() != null && figure(out, "district.lowIncomePct", district.lowIncomePct())
                && (district.lowIncomePct() < 0 || district.lowIncomePct() > 100)) {
            out.add(new Problem("district.lowIncomePct", percent(district.lowIncomePct())));
        }
        String start = InputLimits.dateProblem(district.planStart(), InputLimits.LAST_START);
        if (start != null) {
            out.add(new Problem("district.planStart", start));
        }
        if (district.inPlace().size() > InputLimits.LIST_ITEMS) {
            out.add(new Problem("district.inPlace", InputLimits.tooMany(district.inPlace().size(), InputLimits.LIST_ITEMS, "entries")));
            return;
        }
        for (int i = 0; i < district.inPlace().size(); i++) {
            String id = district.inPlace().get(i);
            String place = "district.inPlace[" + i + "]";
            if (text(out, place, id, InputLimits.ID) && !d.actions().containsKey(id)) {
                out.add(new Problem(place, InputLimits.quote(id) + " is not a catalog action" + hint(id, d.actions().keySet())));
            }
        }
    }

    /** A whole number that counts something: above 0 and at most {@code max}. */
    private static void count(List<Problem> out, String place, Integer value, int max) {
        if (value != null && value <= 0) {
            out.add(new Problem(place, value + " must be above 0"));
        } else if (value != null && value > max) {
            out.add(new Problem(place, InputLimits.count(value) + " is above " + InputLimits.count(max) + ", more than any district has"));
        }
    }

    /** False, with a problem, when a text breaks its field's limit. */
    private static boolean text(List<Problem> out, String place, String value, InputLimits.Text kind) {
        String wrong = kind.problem(value);
        if (wrong != null) {
            out.add(new Problem(place, wrong));
        }
        return wrong == null;
    }

    /** False, with a problem, when a figure is not finite or beyond the largest accepted. */
    private static boolean figure(List<Problem> out, String place, double value) {
        String wrong = InputLimits.figureProblem(value);
        if (wrong != null) {
            out.add(new Problem(place, wrong));
        }
        return wrong == null;
    }

    private static void range(String place, double value, Metric metric, List<Problem> out) {
        if (!figure(out, place, value)) {
            return;
        }
        if (metric.percent() && (value < 0 || value > 100)) {
            out.add(new Problem(place, percent(value)));
        } else if (!"pp".equals(metric.unit()) && value < 0) {
            out.add(new Problem(place, format(value) + " is negative; " + metric.id() + " is measured in " + metric.unit()));
        }
    }

    private static String percent(double value) {
        return value < 0 ? format(value) + " is negative; a percentage is within 0..100" : format(value) + " is above 100";
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** "; did you mean SA-ACC-01?" for a near miss, so typos are quick to fix. */
    private static String hint(String id, Set<String> known) {
        String best = null;
        int bestDistance = 2;
        for (String candidate : known) {
            int distance = distance(id.toUpperCase(java.util.Locale.ROOT), candidate);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best == null ? "" : "; did you mean " + best + "?";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
