package org.equityadvisor.imports;

import java.util.List;
import java.util.Locale;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Problem;

/**
 * What an import of student-level answers produced: the aggregated figures and an account of the rows.
 * Nothing student-level is in it: problems name a line and a column, never a student.
 *
 * @param measures     the figures, district first, each with its {@code n} and {@code kind: survey}
 * @param rowsRead     data rows (or Ed-Fi records) read
 * @param rowsUsed     rows counted in the figures
 * @param rowsSkipped  rows left out because a cell could not be read (each is in {@code problems})
 * @param rowsEmpty    rows without an answer to any home-access question: not counted, not a problem
 * @param problems     the first {@link #SHOWN} problems, in file order
 * @param problemCount every problem found, shown or not
 * @param withheld     groups and figures not reported because they count fewer than 10 students
 * @param notes        anything else the reader should know (columns read, coverage not computed, …)
 */
public record ImportReport(String name, List<Measure> measures, long rowsRead, long rowsUsed, long rowsSkipped, long rowsEmpty,
        List<Problem> problems, long problemCount, List<String> withheld, List<String> notes) {

    /** Problems kept in full; past this only counted, so a broken million-row file cannot fill the memory. */
    public static final int SHOWN = 100;

    public ImportReport {
        measures = List.copyOf(measures);
        problems = List.copyOf(problems);
        withheld = List.copyOf(withheld);
        notes = List.copyOf(notes);
    }

    /** True when some rows were left out for a problem: the CLI then exits 1. */
    public boolean rejectedRows() {
        return rowsSkipped > 0;
    }

    /** "survey.csv: 4,210 rows read, 4,180 used, 25 skipped for problems, 5 without any answer". */
    public String summary() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s: %,d %s read, %,d used", name, rowsRead, rowsRead == 1 ? "row" : "rows", rowsUsed));
        out.append(String.format(Locale.ROOT, ", %,d skipped for problems", rowsSkipped));
        if (rowsEmpty > 0) {
            out.append(String.format(Locale.ROOT, ", %,d without any answer", rowsEmpty));
        }
        return out.toString();
    }
}
