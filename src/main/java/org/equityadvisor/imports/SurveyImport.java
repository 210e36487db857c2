package org.equityadvisor.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;

/**
 * A home-access survey exported as CSV (one row per student or household) turned into the district's gap
 * figures for the district and each group. The file is streamed: each row is decoded, counted and
 * forgotten, so memory stays flat however many rows, and nothing student-level is kept or logged.
 *
 * <pre>{@code
 * ImportReport report = SurveyImport.standard().read(Path.of("survey.csv"), 4200);
 * report.measures();   // GM-01 ... GM-08, with n and kind: survey
 * }</pre>
 *
 * Columns are found by their Ed-Fi names ({@code InternetAccessInResidence}, {@code DigitalDevice}, …) and
 * answers by the standard wording, unless a mapping file ({@link #withMapping}) says otherwise.
 */
public final class SurveyImport {

    static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.TRIM_SPACES).build();

    private final SurveyMapping mapping;
    private final String source;
    private final Integer year;

    private SurveyImport(SurveyMapping mapping, String source, Integer year) {
        this.mapping = mapping;
        this.source = source;
        this.year = year;
    }

    /** The standard layout: Ed-Fi column names and answers. */
    public static SurveyImport standard() {
        return new SurveyImport(SurveyMapping.standard(), null, null);
    }

    /**
     * With a mapping file's column names and local answers.
     *
     * @throws InputException naming each problem of the mapping file with its line
     */
    public static SurveyImport withMapping(Path file) {
        return withMapping(file.toString(), AssessmentReader.text(file));
    }

    public static SurveyImport withMapping(String name, String text) {
        SurveyMapping m = SurveyMapping.read(name, text);
        return new SurveyImport(m, m.source(), m.year());
    }

    /** The same import with the figures labelled with this source and year (each may be null to keep the mapping's). */
    public SurveyImport labelled(String newSource, Integer newYear) {
        return new SurveyImport(mapping, newSource != null ? newSource : source, newYear != null ? newYear : year);
    }

    /** The mapping as an Ed-Fi import uses it: its local answers, source and year. */
    SurveyMapping mapping() {
        return mapping;
    }

    /** The figures' source: the one given, else {@code otherwise}. */
    String source(String otherwise) {
        return source != null ? source : otherwise;
    }

    Integer year() {
        return year;
    }

    /**
     * Reads a survey file.
     *
     * @param enrollment the district's enrolment, for coverage (GM-08); null to leave coverage out
     * @throws InputException when the file is missing, is not UTF-8, is not CSV, or its header has none of the questions
     */
    public ImportReport read(Path csv, Integer enrollment) {
        String name = csv.toString();
        // Bytes that are not UTF-8 become U+FFFD, reported in the cells they spoil, with their line and column.
        try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(csv), StandardCharsets.UTF_8), 1 << 16)) {
            return read(name, in, enrollment);
        } catch (NoSuchFileException e) {
            throw new InputException(name, new Problem(name, "no such file"));
        } catch (IOException e) {
            throw new InputException(name, new Problem(name, "cannot be read: " + e.getMessage()));
        }
    }

    public ImportReport read(String name, Reader in, Integer enrollment) {
        Aggregation aggregation = new Aggregation(mapping);
        List<String> notes = new ArrayList<>();
        long line = 1;
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(in)) {
            if (!rows.hasNextValue()) {
                throw new InputException(name, new Problem(name, "is empty: expected a header row and one row per student"));
            }
            String[] header = rows.nextValue();
            if (header.length > 0) {
                header[0] = stripBom(header[0]);
            }
            Map<Question, Integer> columns = mapping.locate(name, header, notes);
            Question[] questions = columns.keySet().toArray(new Question[0]);
            int[] indexes = columns.values().stream().mapToInt(Integer::intValue).toArray();
            String[] names = columns.values().stream().map(i -> header[i].strip()).toArray(String[]::new);
            while (true) {
                line = rows.getParser().currentLocation().getLineNr();
                if (!rows.hasNextValue()) {
                    break;
                }
                String[] cells = rows.nextValue();
                if (blankLine(cells)) {
                    continue;
                }
                String at = name + ":" + line;
                if (cells.length > header.length && !blankFrom(cells, header.length)) {
                    aggregation.broken(at, "(row)", cells.length + " cells where the header has " + header.length + " columns (an unquoted comma?)");
                    continue;
                }
                Response response = new Response();
                boolean bad = false;
                String prefix = at + ": ";
                for (int i = 0; i < questions.length; i++) {
                    String raw = indexes[i] < cells.length ? cells[indexes[i]] : "";
                    bad |= !aggregation.cell(response, questions[i], raw, prefix, names[i], names[i]);
                }
                aggregation.row(response, bad);
            }
        } catch (UncheckedIOException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw new InputException(name, new Problem(name, "is not UTF-8 text: save the file as \"CSV UTF-8\""));
            }
            throw new InputException(name, new Problem(name + ":" + line, "is not readable CSV: " + firstLine(cause.getMessage())));
        } catch (RuntimeException e) {
            if (e instanceof InputException) {
                throw e;
            }
            throw new InputException(name, new Problem(name + ":" + line, "is not readable CSV: " + firstLine(e.getMessage())));
        }
        return aggregation.report(name, enrollment, source("home-access survey (" + fileName(name) + ")"), year, notes);
    }

    /** The last part of a path or URL, for labels. */
    static String fileName(String name) {
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return cut >= 0 ? name.substring(cut + 1) : name;
    }

    /** An empty line reads as one empty cell: not a row. */
    static boolean blankLine(String[] cells) {
        return cells.length == 0 || cells.length == 1 && cells[0].isBlank();
    }

    static String stripBom(String cell) {
        return cell.startsWith("\uFEFF") ? cell.substring(1) : cell;
    }

    private static boolean blankFrom(String[] cells, int from) {
        for (int i = from; i < cells.length; i++) {
            if (!cells[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String text = message.strip();
        int cut = text.indexOf('\n');
        return cut < 0 ? text : text.substring(0, cut).strip();
    }
}
