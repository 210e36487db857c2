package org.equityadvisor.imports;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.Indicator;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Metric;

/**
 * Writes an assessment as a YAML file a leader can read and edit: every section explained in comments,
 * every self-assessment indicator listed with its name (commented out until answered), every metric id
 * with its title, and each figure's source. What {@code init} writes, and what every import writes.
 * {@link AssessmentReader} reads it back unchanged.
 */
public final class AssessmentWriter {

    private final KnowledgeBase kb;

    public AssessmentWriter(KnowledgeBase kb) {
        this.kb = kb;
    }

    /**
     * @param heading lines for the comment at the top (where the figures came from, what was merged); may be empty
     */
    public String yaml(Assessment a, List<String> heading) {
        StringBuilder out = new StringBuilder();
        for (String line : heading) {
            comment(out, "", line);
        }
        if (!heading.isEmpty()) {
            out.append("#\n");
        }
        comment(out, "", "An Equity Advisor assessment: the district, its self-assessment and its gap data. Edit it, then run");
        comment(out, "", "  equity-advisor advise THIS-FILE");
        comment(out, "", "to get ranked, explained advice. Lines starting with # are comments; remove the # to use a line.");
        out.append('\n');
        district(out, a.district());
        out.append('\n');
        answers(out, a.answers());
        out.append('\n');
        measures(out, a.measures());
        out.append('\n');
        thresholds(out, a.thresholds());
        return out.toString();
    }

    private static void district(StringBuilder out, District d) {
        out.append("district:\n");
        field(out, "name", d.name() == null || d.name().isBlank() ? null : quote(d.name()), "\"Riverbend Unified\"", "required: the district's name");
        field(out, "id", d.id() == null ? null : quote(d.id()), "\"0612345\"", "NCES LEA id: 7 digits, in quotes");
        field(out, "state", d.state() == null ? null : quote(d.state()), "CA", "two-letter state code");
        field(out, "locale", d.locale(), "rural", "city | suburb | town | rural");
        field(out, "enrollment", d.enrollment() == null ? null : d.enrollment().toString(), "4200",
                "students enrolled: turns percentages into students reached");
        field(out, "schools", d.schools() == null ? null : d.schools().toString(), "9", "number of schools");
        field(out, "lowIncomePct", d.lowIncomePct() == null ? null : number(d.lowIncomePct()), "68", "% of students from low-income families");
        field(out, "planStart", d.planStart() == null ? null : d.planStart().toString(), "2027-01-11", "when the plan starts (default: today)");
        field(out, "inPlace", d.inPlace().isEmpty() ? null : "[" + String.join(", ", d.inPlace().stream().map(AssessmentWriter::quote).toList()) + "]",
                "[AS-16, AS-04]", "catalog actions the district already runs: they are not suggested again");
        field(out, "studentDevices", d.studentDevices() == null ? null : d.studentDevices().toString(), "4300",
                "learning devices the district provides to students (checked against a one-to-one claim)");
    }

    private void answers(StringBuilder out, List<Answer> answers) {
        comment(out, "", "Self-assessment: your level on each indicator, 1 Foundational, 2 Developing, 3 Established, 4 Advanced.");
        comment(out, "", "Remove the # before an indicator and set its level; a note is optional: SA-DES-05: { level: 1, note: \"IT only\" }");
        out.append("answers:\n");
        for (Indicator i : kb.indicators().values()) {
            Answer given = answers.stream().filter(x -> x.indicator().equals(i.id())).findFirst().orElse(null);
            if (given == null) {
                out.append("  # ").append(i.id()).append(": ").append(pad(i.id().length() + 2, 12)).append("# ").append(i.title()).append('\n');
            } else {
                String value = given.note() == null ? Integer.toString(given.level())
                        : "{ level: " + given.level() + ", note: " + quote(given.note()) + " }";
                String text = i.id() + ": " + value;
                out.append("  ").append(text).append(pad(text.length(), 14)).append("# ").append(i.title()).append('\n');
            }
        }
    }

    private void measures(StringBuilder out, List<Measure> measures) {
        comment(out, "", "Gap data: one row per metric and group.");
        comment(out, "", "  value   in the metric's unit (percentages 0..100)");
        comment(out, "", "  group   all (the default), low-income, english-learners, disability, homeless, migrant, race:<name>, school:<id>, staff");
        comment(out, "", "  n       answers or students counted; moe: margin of error; year; source: where the figure comes from");
        comment(out, "", "  kind    survey (n counts answers) or estimate (an area figure such as the Census Bureau's; n is the population)");
        comment(out, "", "Groups counting fewer than 10 students are withheld for student privacy.");
        comment(out, "", "Metrics:");
        for (Metric m : kb.metrics().values()) {
            comment(out, "", "  " + m.id() + pad(m.id().length(), 7) + m.title() + " (" + m.unit() + (m.per().isEmpty() ? "" : " " + m.per()) + ")");
        }
        out.append("measures:\n");
        if (measures.isEmpty()) {
            out.append("  # - { metric: GM-01, value: 12.5, n: 4100, year: 2025, source: \"2025 family survey\", kind: survey }\n");
        }
        for (Measure m : measures) {
            Metric metric = kb.metrics().get(m.metric());
            out.append("  - metric: ").append(m.metric()).append(metric == null ? "" : pad(m.metric().length(), 7) + "# " + metric.title()).append('\n');
            if (!m.wholeDistrict()) {
                out.append("    group: ").append(quote(m.group())).append('\n');
            }
            out.append("    value: ").append(number(m.value())).append('\n');
            if (m.n() != null) {
                out.append("    n: ").append(m.n()).append('\n');
            }
            if (m.moe() != null) {
                out.append("    moe: ").append(number(m.moe()));
                if (m.moe() > m.value() / 2) {
                    out.append("   # the margin of error is wider than half the estimate: verify locally");
                }
                out.append('\n');
            }
            if (m.year() != null) {
                out.append("    year: ").append(m.year()).append('\n');
            }
            if (m.kind() != null) {
                out.append("    kind: ").append(m.kind().word()).append('\n');
            }
            if (m.source() != null) {
                out.append("    source: ").append(quote(m.source())).append('\n');
            }
        }
    }

    private static void thresholds(StringBuilder out, Map<String, Double> thresholds) {
        comment(out, "", "Your own thresholds, replacing the framework's defaults for this district: metric id -> value.");
        if (thresholds.isEmpty()) {
            out.append("# thresholds:\n#   GM-06: 20\n");
            return;
        }
        out.append("thresholds:\n");
        thresholds.forEach((id, value) -> out.append("  ").append(id).append(": ").append(number(value)).append('\n'));
    }

    private static void field(StringBuilder out, String name, String value, String example, String comment) {
        String text = name + ": " + (value != null ? value : example);
        out.append(value != null ? "  " : "  # ").append(text).append(pad(text.length() + (value != null ? 0 : 2), 36)).append("# ").append(comment).append('\n');
    }

    private static void comment(StringBuilder out, String indent, String text) {
        out.append(indent).append(text.isEmpty() ? "#" : "# " + text).append('\n');
    }

    private static String pad(int used, int width) {
        return " ".repeat(Math.max(1, width - used));
    }

    /** A double-quoted YAML scalar: JSON's string escapes are valid YAML. */
    static String quote(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }

    /** 12.5, 3, 0.25: no trailing zeros, no exponent. */
    public static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
