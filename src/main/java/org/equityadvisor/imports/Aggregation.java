package org.equityadvisor.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.equityadvisor.model.Measure;

/**
 * The one path from answers to figures that every student-level import shares (survey CSV, Ed-Fi file,
 * Ed-Fi API): each cell is translated by the mapping, decoded, and checked; each row is then counted or
 * skipped. Counters only: a row is forgotten once counted.
 */
final class Aggregation {

    private final SurveyMapping mapping;
    /** Distinct cell texts remembered per question; a column of free text is decoded each time beyond this. */
    private static final int CACHED = 1024;

    private final Tally tally = new Tally();
    private final Map<Question, Map<String, Integer>> codes = new EnumMap<>(Question.class);
    private final RowProblems problems = new RowProblems();
    private long read;
    private long used;
    private long skipped;
    private long empty;

    Aggregation(SurveyMapping mapping) {
        this.mapping = mapping;
        for (Question q : Question.values()) {
            codes.put(q, new HashMap<>());
        }
    }

    /**
     * Decodes one cell into the response; false (with a problem at {@code prefix + suffix}) when it is not an
     * answer the question has. A blank cell is no answer, not a problem. The place is only built for a problem:
     * this runs for every cell of a million-row file.
     */
    boolean cell(Response r, Question q, String raw, String prefix, String suffix, String column) {
        if (raw != null && raw.indexOf('\uFFFD') >= 0) {
            problems.add(prefix + suffix, column, "is not UTF-8 text: save the file as \"CSV UTF-8\"");
            return false;
        }
        if (q.kind() == Question.Kind.VALUE) {
            String text = mapping.translate(q, raw);
            String value = text == null ? "" : Question.descriptorCode(text).strip();
            if (value.isEmpty()) {
                return true;
            }
            if (!tally.accepts(q, value)) {
                problems.add(prefix + suffix, column, "more than " + Tally.MAX_VALUES + " different values in this column; is it the right column for "
                        + q.header() + "?");
                return false;
            }
            r.setValue(q, value);
            return true;
        }
        int code = code(q, raw);
        if (code == Question.UNKNOWN) {
            problems.add(prefix + suffix, column, RowProblems.quote(raw) + " is not an answer to " + q.header() + " (expected "
                    + String.join(", ", q.answers()) + "); map it in a mapping file");
            return false;
        }
        r.set(q, code);
        return true;
    }

    /** The answer a cell's text stands for; surveys repeat a handful of texts, so each is decoded once. */
    private int code(Question q, String raw) {
        Map<String, Integer> known = codes.get(q);
        Integer code = known.get(raw == null ? "" : raw);
        if (code == null) {
            code = q.code(mapping.translate(q, raw));
            if (known.size() < CACHED && raw != null) {
                known.put(raw, code);
            }
        }
        return code;
    }

    /** A row that could not be read at all (wrong number of cells, malformed record). */
    void broken(String place, String column, String message) {
        read++;
        skipped++;
        problems.add(place, column, message);
    }

    /** Counts a decoded row, or skips it when one of its cells was bad. */
    void row(Response r, boolean bad) {
        read++;
        if (bad) {
            skipped++;
        } else if (!r.answeredAny()) {
            empty++;
        } else {
            tally.add(r);
            used++;
        }
    }

    ImportReport report(String name, Integer enrollment, String source, Integer year, List<String> notes) {
        List<String> withheld = new ArrayList<>();
        List<String> allNotes = new ArrayList<>(notes);
        List<Measure> measures = tally.measures(enrollment, source, year, withheld, allNotes);
        problems.summariseHidden(allNotes);
        return new ImportReport(name, measures, read, used, skipped, empty, problems.shown(), problems.count(), withheld, allNotes);
    }
}
