package org.equityadvisor.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.YamlDocument;
import org.equityadvisor.knowledge.YamlEntry;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;

/**
 * A state collection's mapping file: which column names each district, which hold its profile, which counts
 * or percentages become which metric, which yes/no answers mean an action is in place, and which cell texts
 * mean "suppressed" or "unknown". See docs/examples/illinois-2020-21.mapping.yaml.
 */
final class StateMapping {

    private static final Set<String> TOP = Set.of("source", "year", "state", "id", "district", "measures", "inPlace", "cells");
    private static final Set<String> DISTRICT = Set.of("name", "nces", "enrollment", "schools", "lowIncomePct", "studentDevices");
    private static final Set<String> FIGURE = Set.of("count", "percent");
    private static final Set<String> MEASURE = Set.of("metric", "group", "count", "percent");
    private static final Set<String> IN_PLACE = Set.of("action", "column", "when");
    private static final Set<String> CELLS = Set.of("suppressed", "unknown");

    /** A column named in the mapping: its text as written and where it was written. */
    record ColumnRef(String spec, String place) {
    }

    /** A figure read from a count (turned into a percentage of the enrolment) or from a percentage. */
    record Figure(ColumnRef column, boolean count) {
    }

    record MeasureRule(String metric, String group, Figure figure) {
    }

    record InPlaceRule(String action, ColumnRef column, boolean when) {
    }

    final String name;
    final String source;
    final Integer year;
    final String state;
    final ColumnRef id;
    final ColumnRef districtName;
    final ColumnRef nces;
    final ColumnRef enrollment;
    final ColumnRef schools;
    final ColumnRef studentDevices;
    final Figure lowIncome;
    final List<MeasureRule> measures;
    final List<InPlaceRule> inPlace;
    final Set<String> suppressed;
    final Set<String> unknown;

    private StateMapping(String name, YamlEntry root, KnowledgeBase kb, List<Problem> problems) {
        this.name = name;
        source = root.text("source", false);
        year = root.integer("year", false);
        if (year != null && (year < 1990 || year > 2100)) {
            root.problem("year", year + " is not a plausible year");
        }
        String stateText = root.text("state", false);
        state = stateText == null ? null : PublicFigures.stateCode(stateText);
        if (stateText != null && state == null) {
            root.problem("state", "'" + stateText + "' is not a state's two-letter code or name");
        }
        id = column(root, "id", true);
        YamlEntry d = root.child("district", true, DISTRICT);
        districtName = d == null ? null : column(d, "name", true);
        nces = d == null ? null : column(d, "nces", false);
        enrollment = d == null ? null : column(d, "enrollment", false);
        schools = d == null ? null : column(d, "schools", false);
        studentDevices = d == null ? null : column(d, "studentDevices", false);
        lowIncome = d == null ? null : figure(d, "lowIncomePct", problems);
        measures = new ArrayList<>();
        each(root, "measures", problems, MEASURE, e -> {
            String metric = e.text("metric", true);
            if (metric != null && !kb.metrics().containsKey(metric)) {
                e.problem("metric", "'" + metric + "' is not a gap metric of the rule set");
            }
            Figure f = figure(e, null, problems);
            if (f == null) {
                e.problem("count", "give the column as count: (students, turned into a percentage of the enrolment) or percent:");
            } else if (f.count() && enrollment == null) {
                e.problem("count", "a count needs district.enrollment: to become a percentage");
            }
            if (metric != null && f != null) {
                measures.add(new MeasureRule(metric, e.text("group", false), f));
            }
        });
        inPlace = new ArrayList<>();
        each(root, "inPlace", problems, IN_PLACE, e -> {
            String action = e.text("action", true);
            if (action != null && !kb.actions().containsKey(action)) {
                e.problem("action", "'" + action + "' is not a catalog action of the rule set");
            }
            ColumnRef c = column(e, "column", true);
            String when = e.text("when", false);
            Boolean yes = when == null ? Boolean.TRUE : yesNo(when);
            if (yes == null) {
                e.problem("when", "'" + when + "' is not Yes or No");
            }
            if (action != null && c != null && yes != null) {
                inPlace.add(new InPlaceRule(action, c, yes));
            }
        });
        YamlEntry cells = root.child("cells", false, CELLS);
        suppressed = cells == null ? Set.of("<10") : Set.copyOf(cells.texts("suppressed", false));
        unknown = cells == null ? Set.of("Unk") : Set.copyOf(cells.texts("unknown", false));
    }

    static StateMapping read(String name, String text, KnowledgeBase kb) {
        YamlDocument doc = YamlDocument.parse(name, text);
        List<Problem> problems = new ArrayList<>();
        YamlEntry root = YamlEntry.of(doc, doc.root(), "", problems, TOP);
        if (!root.valid()) {
            throw new InputException(name, problems);
        }
        StateMapping mapping = new StateMapping(name, root, kb, problems);
        if (!problems.isEmpty()) {
            throw new InputException(name, problems);
        }
        return mapping;
    }

    /** Yes/No in any case, with Y/N, true/false and 1/0: state files are not consistent. */
    static Boolean yesNo(String text) {
        return switch (Question.key(text)) {
            case "yes", "y", "true", "1" -> Boolean.TRUE;
            case "no", "n", "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static ColumnRef column(YamlEntry e, String field, boolean required) {
        String spec = e.text(field, required);
        return spec == null ? null : new ColumnRef(spec, place(e, field));
    }

    private static String place(YamlEntry e, String field) {
        return e.document().at(e.node(field)) + ": " + e.fieldPath(field);
    }

    /** {@code field: {count: col}} or {@code field: {percent: col}}, or (field null) the entry itself. */
    private static Figure figure(YamlEntry e, String field, List<Problem> problems) {
        YamlEntry f = e;
        if (field != null) {
            JsonNode node = e.node(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isValueNode()) {
                return new Figure(new ColumnRef(node.asText().strip(), place(e, field)), false);
            }
            f = e.child(field, false, FIGURE);
        }
        ColumnRef count = column(f, "count", false);
        ColumnRef percent = column(f, "percent", false);
        if (count != null && percent != null) {
            f.problem("percent", "give count: or percent:, not both");
        }
        return count != null ? new Figure(count, true) : percent != null ? new Figure(percent, false) : null;
    }

    private interface EntryReader {
        void read(YamlEntry e);
    }

    private static void each(YamlEntry root, String field, List<Problem> problems, Set<String> allowed, EntryReader reader) {
        JsonNode list = root.node(field);
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            root.problem(field, "expected a list");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            YamlEntry e = YamlEntry.of(root.document(), list.get(i), field + "[" + i + "]", problems, allowed);
            if (e.valid()) {
                reader.read(e);
            }
        }
    }

    /** Every column the mapping names, to find in the header at once. */
    List<ColumnRef> columns() {
        List<ColumnRef> out = new ArrayList<>();
        for (ColumnRef c : new ColumnRef[] {id, districtName, nces, enrollment, schools, studentDevices}) {
            if (c != null) {
                out.add(c);
            }
        }
        if (lowIncome != null) {
            out.add(lowIncome.column());
        }
        measures.forEach(m -> out.add(m.figure().column()));
        inPlace.forEach(r -> out.add(r.column()));
        return out;
    }
}
