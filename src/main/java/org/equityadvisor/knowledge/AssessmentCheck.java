package org.equityadvisor.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
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
        for (Answer answer : a.answers()) {
            String place = "answers." + answer.indicator();
            if (!d.indicators().containsKey(answer.indicator())) {
                out.add(new Problem(place, "'" + answer.indicator() + "' is not a self-assessment indicator" + hint(answer.indicator(), d.indicators().keySet())));
            }
            if (answer.level() < Answer.LOWEST || answer.level() > Answer.HIGHEST) {
                out.add(new Problem(place, "level " + answer.level() + " is outside 1..4 (1 Foundational, 2 Developing, 3 Established, 4 Advanced)"));
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < a.measures().size(); i++) {
            Measure m = a.measures().get(i);
            String place = "measures[" + i + "]";
            Metric metric = d.metrics().get(m.metric());
            if (metric == null) {
                out.add(new Problem(place + ".metric", "'" + m.metric() + "' is not a gap metric" + hint(m.metric(), d.metrics().keySet())));
            } else {
                range(place + ".value", m.value(), metric, out);
                if (m.moe() != null && m.moe() < 0) {
                    out.add(new Problem(place + ".moe", m.moe() + " is negative; a margin of error is at least 0"));
                }
            }
            if (m.n() != null && m.n() <= 0) {
                out.add(new Problem(place + ".n", m.n() + " must be above 0: it counts respondents or students"));
            }
            if (d.groups().stream().noneMatch(g -> g.matches(m.group()))) {
                out.add(new Problem(place + ".group", "'" + m.group() + "' is not a group: use all, low-income, english-learners, disability, "
                        + "homeless, migrant, race:<name>, school:<id> or staff"));
            }
            if (!seen.add(m.metric() + "|" + m.group())) {
                out.add(new Problem(place, "a second row for " + m.metric() + " and group " + m.group() + "; give each metric and group once"));
            }
        }
        for (Map.Entry<String, Double> t : a.thresholds().entrySet()) {
            Metric metric = d.metrics().get(t.getKey());
            String place = "thresholds." + t.getKey();
            if (metric == null) {
                out.add(new Problem(place, "'" + t.getKey() + "' is not a gap metric" + hint(t.getKey(), d.metrics().keySet())));
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
        }
        if (district.id() != null && !district.id().matches("\\d{7}")) {
            out.add(new Problem("district.id", "'" + district.id() + "' is not a 7-digit NCES LEA id (write it in quotes to keep leading zeros)"));
        }
        if (district.state() != null && !district.state().matches("[A-Z]{2}")) {
            out.add(new Problem("district.state", "'" + district.state() + "' is not a two-letter state code such as CA"));
        }
        if (district.locale() != null && !LOCALES.contains(district.locale())) {
            out.add(new Problem("district.locale", "'" + district.locale() + "' is not one of city, suburb, town, rural"));
        }
        if (district.enrollment() != null && district.enrollment() <= 0) {
            out.add(new Problem("district.enrollment", district.enrollment() + " must be above 0"));
        }
        if (district.schools() != null && district.schools() <= 0) {
            out.add(new Problem("district.schools", district.schools() + " must be above 0"));
        }
        if (district.lowIncomePct() != null && (district.lowIncomePct() < 0 || district.lowIncomePct() > 100)) {
            out.add(new Problem("district.lowIncomePct", percent(district.lowIncomePct())));
        }
        for (int i = 0; i < district.inPlace().size(); i++) {
            String id = district.inPlace().get(i);
            if (!d.actions().containsKey(id)) {
                out.add(new Problem("district.inPlace[" + i + "]", "'" + id + "' is not a catalog action" + hint(id, d.actions().keySet())));
            }
        }
    }

    private static void range(String place, double value, Metric metric, List<Problem> out) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            out.add(new Problem(place, "is not a number"));
        } else if (metric.percent() && (value < 0 || value > 100)) {
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
