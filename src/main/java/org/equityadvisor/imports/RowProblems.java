package org.equityadvisor.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.equityadvisor.model.Problem;

/**
 * The problems of a long file: the first {@link ImportReport#SHOWN} kept in full, the rest counted by column,
 * so that a file broken on every row still reports in bounded memory.
 */
final class RowProblems {

    private final List<Problem> shown = new ArrayList<>();
    private final Map<String, Long> hiddenByColumn = new TreeMap<>();
    private long count;

    void add(String place, String column, String message) {
        count++;
        if (shown.size() < ImportReport.SHOWN) {
            shown.add(new Problem(place, message));
        } else {
            hiddenByColumn.merge(column, 1L, Long::sum);
        }
    }

    List<Problem> shown() {
        return shown;
    }

    long count() {
        return count;
    }

    /** "and 3,400 more problems (InternetAccessInResidence 3,390, Race 10)", or nothing. */
    void summariseHidden(List<String> notes) {
        if (hiddenByColumn.isEmpty()) {
            return;
        }
        long hidden = count - shown.size();
        StringBuilder by = new StringBuilder();
        hiddenByColumn.forEach((column, n) -> by.append(by.length() == 0 ? "" : ", ").append(column).append(' ').append(String.format(Locale.ROOT, "%,d", n)));
        notes.add(String.format(Locale.ROOT, "and %,d more problems not listed (%s)", hidden, by));
    }

    /** A cell's text for a message: short, on one line. */
    static String quote(String raw) {
        String text = raw.strip().replaceAll("\\s+", " ");
        return "'" + (text.length() > 100 ? text.substring(0, 100) + "…" : text) + "'";
    }
}
