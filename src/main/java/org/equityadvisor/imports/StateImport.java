package org.equityadvisor.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Problem;

/**
 * A state's collection with one row per district (for example the Illinois State Board of Education's
 * "Report of School Tech"), turned into one assessment per district by a mapping file. Rows are streamed
 * and handed over one at a time, in file order. Cells the state suppressed ({@code <10}) or marked unknown
 * ({@code Unk}) leave their figure out and say so; counts become percentages of the enrolment; a figure
 * that cannot be right (more students offline than enrolled) is left out with a warning; a row that names
 * no district is rejected with its reason, and the others go on.
 */
public final class StateImport {

    /**
     * One district's row.
     *
     * @param line       the row's line in the file
     * @param id         the row's id (the state's district id, e.g. an RCDTS code)
     * @param assessment the district's assessment, or null when the row was rejected
     * @param rejection  why the row was rejected, or null
     * @param warnings   figures left out because they cannot be right
     * @param notes      figures left out because the state suppressed them or marked them unknown, and other facts
     */
    public record Row(long line, String id, Assessment assessment, String rejection, List<String> warnings, List<String> notes) {

        public Row {
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }

        public boolean rejected() {
            return assessment == null;
        }
    }

    /** What a whole file gave. */
    public record Summary(String name, long rows, long written, long rejected, long warnings) {

        public String text() {
            return String.format(Locale.ROOT, "%s: %,d district rows, %,d assessments, %,d rejected, %,d figures left out with a warning", name, rows, written,
                    rejected, warnings);
        }
    }

    private final StateMapping mapping;

    private StateImport(StateMapping mapping) {
        this.mapping = mapping;
    }

    /**
     * @throws InputException naming each problem of the mapping file with its line (unknown metric or action ids included)
     */
    public static StateImport withMapping(Path file, KnowledgeBase kb) {
        return new StateImport(StateMapping.read(file.toString(), AssessmentReader.text(file), kb));
    }

    public static StateImport withMapping(String name, String text, KnowledgeBase kb) {
        return new StateImport(StateMapping.read(name, text, kb));
    }

    /** Where the figures come from, as the mapping names it. */
    public String source() {
        return mapping.source;
    }

    /**
     * Reads the collection, handing each row to {@code each} in file order. The file is read twice: first the
     * ids alone, so that a district that appears on two rows is caught before either is used.
     */
    public Summary read(Path csv, Consumer<Row> each) {
        String name = csv.toString();
        return read(name, () -> {
            try {
                return Files.newBufferedReader(csv, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new InputException(name, new Problem(name, "no such file"));
            } catch (IOException e) {
                throw new InputException(name, new Problem(name, "cannot be read: " + e.getMessage()));
            }
        }, each);
    }

    public Summary read(String name, String text, Consumer<Row> each) {
        return read(name, () -> new StringReader(text), each);
    }

    private Summary read(String name, Supplier<Reader> open, Consumer<Row> each) {
        Map<String, Repeats> repeats = new HashMap<>();
        scan(name, open, (line, header, cells, columns) -> {
            String id = new Cells(cells, columns).text(mapping.id);
            if (id != null) {
                repeats.computeIfAbsent(id, k -> new Repeats()).add(line, signature(cells, columns));
            }
        });
        long[] counts = new long[4];
        scan(name, open, (line, header, cells, columns) -> {
            Row row = row(line, header, cells, columns, repeats);
            counts[0]++;
            counts[row.rejected() ? 2 : 1]++;
            counts[3] += row.warnings().size();
            each.accept(row);
        });
        return new Summary(name, counts[0], counts[1], counts[2], counts[3]);
    }

    private interface RowReader {
        void row(long line, String[] header, String[] cells, Map<StateMapping.ColumnRef, Integer> columns);
    }

    private void scan(String name, Supplier<Reader> open, RowReader reader) {
        long line = 1;
        try (Reader in = open.get(); MappingIterator<String[]> it = SurveyImport.CSV.readerFor(String[].class).readValues(in)) {
            if (!it.hasNextValue()) {
                throw new InputException(name, new Problem(name, "is empty: expected a header row and one row per district"));
            }
            String[] header = it.nextValue();
            header[0] = SurveyImport.stripBom(header[0]);
            Map<StateMapping.ColumnRef, Integer> columns = locate(name, header);
            while (true) {
                line = it.getParser().currentLocation().getLineNr();
                if (!it.hasNextValue()) {
                    break;
                }
                String[] cells = it.nextValue();
                if (!SurveyImport.blankLine(cells)) {
                    reader.row(line, header, cells, columns);
                }
            }
        } catch (UncheckedIOException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw new InputException(name, new Problem(name, "is not UTF-8 text: save the file as \"CSV UTF-8\""));
            }
            throw new InputException(name, new Problem(name + ":" + line, "is not readable CSV: " + SurveyImport.firstLine(cause.getMessage())));
        }
    }

    /** The lines an id is on, and whether they agree on every mapped cell. */
    private static final class Repeats {
        private final List<Long> lines = new ArrayList<>();
        private String signature;
        private boolean differ;

        void add(long line, String cells) {
            lines.add(line);
            differ |= signature != null && !signature.equals(cells);
            signature = cells;
        }
    }

    private static String signature(String[] cells, Map<StateMapping.ColumnRef, Integer> columns) {
        StringBuilder out = new StringBuilder();
        columns.values().stream().distinct().sorted().forEach(i -> out.append(i < cells.length ? cells[i].strip() : "").append('\u0000'));
        return out.toString();
    }

    private Map<StateMapping.ColumnRef, Integer> locate(String file, String[] header) {
        Map<StateMapping.ColumnRef, Integer> out = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (StateMapping.ColumnRef c : mapping.columns()) {
            int index = index(header, c.spec());
            if (index >= 0) {
                out.put(c, index);
            } else {
                problems.add(new Problem(c.place(), index == -2 ? "'" + c.spec() + "' matches more than one column of " + file + ": name it by position, e.g. '#3'"
                        : "there is no column '" + c.spec() + "' in " + file));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(mapping.name, problems);
        }
        return out;
    }

    /**
     * A column by its header text (ignoring case and spacing), by the start of it ({@code "1. Is your district*"}),
     * or by position ({@code "#23"}, from 1); -1 when absent, -2 when more than one matches.
     */
    static int index(String[] header, String spec) {
        if (spec.matches("#\\d+")) {
            int n = Integer.parseInt(spec.substring(1));
            return n >= 1 && n <= header.length ? n - 1 : -1;
        }
        boolean prefix = spec.endsWith("*");
        String wanted = normal(prefix ? spec.substring(0, spec.length() - 1) : spec);
        int found = -1;
        for (int i = 0; i < header.length; i++) {
            String h = normal(header[i]);
            if (prefix ? h.startsWith(wanted) : h.equals(wanted)) {
                if (found >= 0) {
                    return -2;
                }
                found = i;
            }
        }
        return found;
    }

    private static String normal(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private Row row(long line, String[] header, String[] cells, Map<StateMapping.ColumnRef, Integer> columns, Map<String, Repeats> repeats) {
        Cells c = new Cells(cells, columns);
        String id = c.text(mapping.id);
        if (cells.length > header.length && !blankFrom(cells, header.length)) {
            return rejected(line, id, cells.length + " cells where the header has " + header.length + " columns (an unquoted comma?)");
        }
        if (id == null) {
            return rejected(line, null, "no id in column '" + mapping.id.spec() + "'");
        }
        Repeats same = repeats.get(id);
        if (same != null && same.lines.size() > 1) {
            String where = same.lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
            if (same.differ) {
                return rejected(line, id, "the id " + id + " is on lines " + where + " with different figures: the file must say which row is right");
            }
            if (same.lines.get(0) != line) {
                return rejected(line, id, "a repeat of line " + same.lines.get(0));
            }
        }
        String name = c.text(mapping.districtName);
        if (name == null) {
            return rejected(line, id, "no district name in column '" + mapping.districtName.spec() + "'");
        }
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Integer enrollment = c.count(mapping.enrollment, "enrollment", warnings, notes);
        if (enrollment != null && enrollment == 0) {
            warnings.add("enrollment is 0 in column '" + mapping.enrollment.spec() + "': left out, and no percentage can be computed");
            enrollment = null;
        }
        Integer schools = c.count(mapping.schools, "schools", warnings, notes);
        Integer devices = c.count(mapping.studentDevices, "studentDevices", warnings, notes);
        String nces = c.text(mapping.nces);
        if (nces != null && !nces.matches("\\d{7}")) {
            warnings.add("'" + nces + "' in column '" + mapping.nces.spec() + "' is not a 7-digit NCES id: left out");
            nces = null;
        }
        Double lowIncome = mapping.lowIncome == null ? null : c.percent(mapping.lowIncome, "lowIncomePct", enrollment, warnings, notes);
        List<Measure> measures = new ArrayList<>();
        for (StateMapping.MeasureRule m : mapping.measures) {
            Double value = c.percent(m.figure(), m.metric(), enrollment, warnings, notes);
            if (value != null) {
                measures.add(new Measure(m.metric(), m.group(), value, enrollment, null, mapping.year, mapping.source, null));
            }
        }
        List<String> inPlace = new ArrayList<>();
        for (StateMapping.InPlaceRule r : mapping.inPlace) {
            String text = c.text(r.column());
            if (text == null || mapping.unknown.contains(text)) {
                notes.add(r.action() + ": no answer in column '" + r.column().spec() + "'");
                continue;
            }
            Boolean yes = StateMapping.yesNo(text);
            if (yes == null) {
                warnings.add("'" + text + "' in column '" + r.column().spec() + "' is not Yes or No: " + r.action() + " left out");
            } else if (yes == r.when() && !inPlace.contains(r.action())) {
                inPlace.add(r.action());
            }
        }
        District district = new District(name, nces, mapping.state, null, enrollment, schools, lowIncome, null, inPlace, devices);
        return new Row(line, id, new Assessment(district, List.of(), measures, Map.of()), null, warnings, notes);
    }

    private static Row rejected(long line, String id, String reason) {
        return new Row(line, id, null, reason, List.of(), List.of());
    }

    private static boolean blankFrom(String[] cells, int from) {
        for (int i = from; i < cells.length; i++) {
            if (!cells[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** One row's cells, read through the mapping's idea of suppressed and unknown. */
    private final class Cells {
        private final String[] cells;
        private final Map<StateMapping.ColumnRef, Integer> columns;

        Cells(String[] cells, Map<StateMapping.ColumnRef, Integer> columns) {
            this.cells = cells;
            this.columns = columns;
        }

        String text(StateMapping.ColumnRef c) {
            if (c == null) {
                return null;
            }
            int i = columns.get(c);
            String text = i < cells.length ? cells[i].strip() : "";
            return text.isEmpty() ? null : text;
        }

        /** A whole number of students, or null (suppressed, unknown, blank: noted; not a number: warned). */
        Integer count(StateMapping.ColumnRef c, String what, List<String> warnings, List<String> notes) {
            String text = text(c);
            if (c == null || blankOrMarked(c, text, what, notes)) {
                return null;
            }
            try {
                long n = Long.parseLong(text.replace(",", ""));
                if (n < 0 || n > Integer.MAX_VALUE) {
                    throw new NumberFormatException();
                }
                return (int) n;
            } catch (NumberFormatException e) {
                warnings.add("'" + text + "' in column '" + c.spec() + "' is not a count of students: " + what + " left out");
                return null;
            }
        }

        /** A percentage, from a percent column or a count over the enrolment; null when it cannot be had. */
        Double percent(StateMapping.Figure f, String what, Integer enrollment, List<String> warnings, List<String> notes) {
            if (f.count()) {
                Integer count = count(f.column(), what, warnings, notes);
                if (count == null) {
                    return null;
                }
                if (enrollment == null) {
                    notes.add(what + ": " + count + " students, but without an enrolment no percentage can be computed");
                    return null;
                }
                if (count > enrollment) {
                    warnings.add(what + ": " + count + " students in column '" + f.column().spec() + "' is more than the " + enrollment
                            + " enrolled: left out; check the row");
                    return null;
                }
                return Tally.round(100.0 * count / enrollment);
            }
            String text = text(f.column());
            if (blankOrMarked(f.column(), text, what, notes)) {
                return null;
            }
            try {
                double value = Double.parseDouble(text.replace("%", "").strip());
                if (value < 0 || value > 100) {
                    warnings.add(what + ": " + text + " in column '" + f.column().spec() + "' is not a percentage: left out");
                    return null;
                }
                return value;
            } catch (NumberFormatException e) {
                warnings.add("'" + text + "' in column '" + f.column().spec() + "' is not a percentage: " + what + " left out");
                return null;
            }
        }

        private boolean blankOrMarked(StateMapping.ColumnRef c, String text, String what, List<String> notes) {
            if (text == null) {
                notes.add(what + ": blank in column '" + c.spec() + "'");
                return true;
            }
            if (mapping.suppressed.contains(text)) {
                notes.add(what + ": suppressed by the state ('" + text + "' in column '" + c.spec() + "')");
                return true;
            }
            if (mapping.unknown.contains(text)) {
                notes.add(what + ": unknown ('" + text + "' in column '" + c.spec() + "')");
                return true;
            }
            return false;
        }
    }
}
