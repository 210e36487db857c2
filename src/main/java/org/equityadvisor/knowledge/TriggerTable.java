package org.equityadvisor.knowledge;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.equityadvisor.model.Divide;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.Trigger;

/**
 * The trigger table: the suggest rules of the single shape "when this finding, suggest these", one row
 * each, in a CSV a coach edits in a spreadsheet or a text editor. Each row is checked cell by cell (the
 * problem names file, row and column). Rows are not compiled: they are facts, matched with the findings by
 * the fixed rules of {@link #RULES}, and the advisor names each firing after its row, so a row explains
 * itself like a rule while editing one costs no compile (measured: a compile costs about 60 ms a rule on
 * this project's machines, most of a coach's wait). No cell reaches the compiler.
 */
final class TriggerTable {

    /** The columns, in the order the table is written; letters are the spreadsheet's. */
    enum Column {
        RULE("rule"), FINDING("finding"), ON("on"), GROUP("group"), LOCALE("locale"), SEVERITY("severity"), LEVEL("level"),
        SUGGESTS("suggests"), DIVIDE("divide"), SOURCES("sources"), WHY("why");

        final String header;

        Column(String header) {
            this.header = header;
        }
    }

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final Set<String> LOCALES = Set.of("city", "suburb", "town", "rural");
    private static final Pattern NAME = Pattern.compile("[^\"\\\\\\p{Cntrl}]+");
    private static final Pattern GROUP_PATTERN = Pattern.compile("[A-Za-z0-9:_*-]+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9.-]+");

    private final List<Trigger> rows;

    private TriggerTable(List<Trigger> rows) {
        this.rows = List.copyOf(rows);
    }

    static TriggerTable empty() {
        return new TriggerTable(List.of());
    }

    /** Reads and checks the table of a rule set (none is fine: then every rule is DRL). */
    static TriggerTable read(RuleFiles files, Definitions definitions, List<Problem> problems) {
        String text = files.text(Trigger.FILE);
        if (text == null) {
            return empty();
        }
        List<Trigger> rows = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(new StringReader(stripBom(text)))) {
            if (!it.hasNextValue()) {
                problems.add(new Problem(Trigger.FILE, "is empty: the first row names the columns " + headers()));
                return empty();
            }
            String[] header = it.nextValue();
            Map<Column, Integer> columns = columns(header, problems);
            if (columns == null) {
                return empty();
            }
            int row = 1;
            while (it.hasNextValue()) {
                String[] cells = it.nextValue();
                row++;
                if (Arrays.stream(cells).allMatch(c -> c == null || c.isBlank())) {
                    continue;
                }
                Trigger t = new RowReader(row, cells, header.length, columns, definitions, problems).read();
                if (t != null) {
                    Integer earlier = names.putIfAbsent(t.rule(), row);
                    if (earlier != null) {
                        problems.add(at(row, Column.RULE, "\"" + t.rule() + "\" is also the name of row " + earlier + "; names must be unique"));
                    } else {
                        rows.add(t);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(Trigger.FILE, "cannot be read as CSV: " + e.getMessage().lines().findFirst().orElse("")
                    + " (a cell with a comma or a line break needs double quotes around it)"));
            return empty();
        }
        return generate(rows);
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String headers() {
        return String.join(",", Arrays.stream(Column.values()).map(c -> c.header).toList());
    }

    private static Map<Column, Integer> columns(String[] header, List<Problem> problems) {
        Map<Column, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i] == null ? "" : header[i].strip().toLowerCase(Locale.ROOT);
            Column column = Arrays.stream(Column.values()).filter(c -> c.header.equals(name)).findFirst().orElse(null);
            if (column == null) {
                problems.add(new Problem(Trigger.FILE + ":1", "column " + letter(i) + " '" + header[i] + "' is not a column of the table; the columns are "
                        + headers()));
            } else if (out.putIfAbsent(column, i) != null) {
                problems.add(new Problem(Trigger.FILE + ":1", "column " + letter(i) + " repeats '" + name + "'"));
            }
        }
        for (Column required : List.of(Column.RULE, Column.FINDING, Column.SUGGESTS, Column.DIVIDE, Column.SOURCES)) {
            if (!out.containsKey(required)) {
                problems.add(new Problem(Trigger.FILE + ":1", "has no column '" + required.header + "'; the columns are " + headers()));
            }
        }
        return problems.stream().anyMatch(p -> p.place().equals(Trigger.FILE + ":1")) ? null : out;
    }

    /** A spreadsheet's column letter: A, B, ..., Z, AA. */
    static String letter(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : letter(index / 26 - 1) + (char) ('A' + index % 26);
    }

    private static Problem at(int row, Column column, String message) {
        return new Problem(Trigger.FILE + ":" + row, "column " + column.header + ": " + message);
    }

    /** One row's cells, checked against the definitions. */
    private static final class RowReader {
        private final int row;
        private final String[] cells;
        private final Map<Column, Integer> columns;
        private final Definitions definitions;
        private final List<Problem> problems;
        private final int before;

        RowReader(int row, String[] cells, int width, Map<Column, Integer> columns, Definitions definitions, List<Problem> problems) {
            this.row = row;
            this.cells = cells;
            this.columns = columns;
            this.definitions = definitions;
            this.problems = problems;
            this.before = problems.size();
            if (cells.length > width && Arrays.stream(cells, width, cells.length).anyMatch(c -> c != null && !c.isBlank())) {
                problems.add(new Problem(Trigger.FILE + ":" + row, cells.length + " cells where the header has " + width
                        + " columns (a comma in a cell needs double quotes around the cell)"));
            }
        }

        private String cell(Column c) {
            Integer i = columns.get(c);
            return i == null || i >= cells.length || cells[i] == null ? "" : cells[i].strip();
        }

        private List<String> list(Column c) {
            String v = cell(c);
            return v.isEmpty() ? List.of() : List.of(v.split("[\\s,]+"));
        }

        private void problem(Column c, String message) {
            problems.add(at(row, c, message));
        }

        Trigger read() {
            String rule = cell(Column.RULE);
            if (rule.isEmpty()) {
                problem(Column.RULE, "every row needs a rule name, a sentence the leader reads after \"rule:\" (\"Suggest … when …\")");
            } else if (!NAME.matcher(rule).matches()) {
                problem(Column.RULE, "a rule name may not contain double quotes, backslashes or line breaks");
            }
            String word = cell(Column.FINDING);
            Trigger.Finding finding = Trigger.Finding.of(word.toLowerCase(Locale.ROOT));
            if (finding == null) {
                problem(Column.FINDING, (word.isEmpty() ? "is empty" : "'" + word + "' is not a finding") + "; write gap, weakness, data-gap or strength");
            }
            List<String> on = list(Column.ON);
            for (String id : on) {
                if (finding == null) {
                    break;
                }
                boolean metric = definitions.metrics().containsKey(id);
                boolean indicator = definitions.indicators().containsKey(id);
                switch (finding) {
                    case GAP, DATA_GAP -> {
                        if (!metric) {
                            problem(Column.ON, "'" + id + "' is not a metric of framework/metrics.yaml (a " + finding.word() + " is on a metric, GM-…)");
                        }
                    }
                    case WEAKNESS -> {
                        if (!indicator) {
                            problem(Column.ON, "'" + id + "' is not a self-assessment item of framework/indicators.yaml (a weakness is on an item, SA-…)");
                        }
                    }
                    case STRENGTH -> {
                        if (!metric && !indicator) {
                            problem(Column.ON, "'" + id + "' is neither a metric nor a self-assessment item of the framework");
                        }
                    }
                }
            }
            List<String> groups = list(Column.GROUP);
            for (String g : groups) {
                if (!GROUP_PATTERN.matcher(g).matches()) {
                    problem(Column.GROUP, "'" + g + "' is not a group pattern: a group id (low-income), subgroup, or a pattern with * (race:*Native*); "
                            + "separate several with spaces");
                }
            }
            if (!groups.isEmpty() && finding != null && finding != Trigger.Finding.GAP) {
                problem(Column.GROUP, "only a gap concerns a group; leave it empty for a " + finding.word());
            }
            String locale = cell(Column.LOCALE).toLowerCase(Locale.ROOT);
            if (!locale.isEmpty() && !LOCALES.contains(locale)) {
                problem(Column.LOCALE, "'" + cell(Column.LOCALE) + "' is not one of city, suburb, town, rural");
            }
            String severity = cell(Column.SEVERITY).toLowerCase(Locale.ROOT);
            if (!severity.isEmpty() && !severity.equals("severe")) {
                problem(Column.SEVERITY, "'" + cell(Column.SEVERITY) + "' is not a severity: write severe, or leave it empty for any gap");
            } else if (!severity.isEmpty() && finding != Trigger.Finding.GAP) {
                problem(Column.SEVERITY, "only a gap has a severity");
            }
            Integer level = null;
            String levelText = cell(Column.LEVEL);
            if (!levelText.isEmpty()) {
                try {
                    level = Integer.valueOf(levelText);
                } catch (NumberFormatException e) {
                    problem(Column.LEVEL, "'" + levelText + "' is not a level: write 1, 2, 3 or 4");
                }
                if (level != null) {
                    if (finding == Trigger.Finding.WEAKNESS && (level < 1 || level > 2)) {
                        problem(Column.LEVEL, "a weakness is a rating of 1 or 2, not " + level);
                    } else if (finding == Trigger.Finding.STRENGTH && (level < 3 || level > 4)) {
                        problem(Column.LEVEL, "a strength is a rating of 3 or 4, not " + level);
                    } else if (finding == Trigger.Finding.GAP || finding == Trigger.Finding.DATA_GAP) {
                        problem(Column.LEVEL, "only a weakness or strength has a level");
                    }
                }
            }
            List<String> suggests = list(Column.SUGGESTS);
            if (suggests.isEmpty()) {
                problem(Column.SUGGESTS, "a row suggests at least one goal, action or partner (G-…, AS-…, PT-…)");
            }
            if (suggests.size() > MAX_SUGGESTS) {
                problem(Column.SUGGESTS, suggests.size() + " ids; a row suggests at most " + MAX_SUGGESTS + ": split it into two rows");
            }
            for (String id : suggests) {
                if (!ID.matcher(id).matches() || !(definitions.goals().containsKey(id) || definitions.actions().containsKey(id)
                        || definitions.partners().containsKey(id))) {
                    problem(Column.SUGGESTS, "'" + id + "' is not a goal, action or partner of the catalog");
                }
            }
            List<Divide> divides = new ArrayList<>();
            for (String d : list(Column.DIVIDE)) {
                try {
                    divides.add(Divide.valueOf(d.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problem(Column.DIVIDE, "'" + d + "' is not a divide: ACCESS, USE or DESIGN");
                }
            }
            if (list(Column.DIVIDE).isEmpty()) {
                problem(Column.DIVIDE, "say which divide the row serves: ACCESS, USE or DESIGN");
            }
            List<String> sources = list(Column.SOURCES);
            if (sources.isEmpty()) {
                problem(Column.SOURCES, "every row cites the document it comes from (ids of sources.yaml)");
            }
            for (String id : sources) {
                // An empty table means sources.yaml itself failed, which is already reported.
                if (!definitions.sources().isEmpty() && !definitions.sources().containsKey(id)) {
                    problem(Column.SOURCES, "'" + id + "' is not a source of sources.yaml");
                }
            }
            if (problems.size() > before) {
                return null;
            }
            String why = cell(Column.WHY).replaceAll("\\s+", " ");
            return new Trigger(rule, row, finding, on, groups, locale.isEmpty() ? null : locale, !severity.isEmpty(), level, suggests, divides,
                    sources, why);
        }
    }

    /** What the engine compiles for the table: fixed rules matching rows (Trigger facts) with findings, whatever the rows say. */
    static final String PATH = "trigger-table.drl";

    /** The most ids one row may suggest (the fixed rules insert them one by one); a longer list is two rows. */
    static final int MAX_SUGGESTS = 12;

    static final String RULES = rules();

    private static String rules() {
        StringBuilder out = new StringBuilder("package org.equityadvisor.rules;\n\nimport org.equityadvisor.model.*;\n\n");
        for (Trigger.Finding f : Trigger.Finding.values()) {
            String kind = switch (f) {
                case GAP -> "Gap";
                case WEAKNESS -> "Weakness";
                case DATA_GAP -> "DataGap";
                case STRENGTH -> "Strength";
            };
            String row = switch (f) {
                case GAP -> "gapRow";
                case WEAKNESS -> "weaknessRow";
                case DATA_GAP -> "dataGapRow";
                case STRENGTH -> "strengthRow";
            };
            // The district is matched only for rows that name a locale, as the hand-written rules did: it is then part of the reason.
            // The finding is the last pattern, as it was in those rules, so a row's firings come in the same order.
            // Written out, not looped: the bytecode check refuses loops in rules, whoever wrote them.
            StringBuilder then = new StringBuilder("then\n");
            for (int i = 0; i < MAX_SUGGESTS; i++) {
                then.append("    if ($trigger.suggests().size() > ").append(i).append(") { insert( new Suggestion($trigger.suggests().get(").append(i)
                        .append(")) ); }\n");
            }
            then.append("end\n\n");
            out.append("rule \"Trigger table: ").append(f.word()).append("\"\n    agenda-group \"suggest\"\nwhen\n")
                    .append("    $trigger : Trigger( ").append(row).append(", locale == null )\n")
                    .append("    ").append(f.binding()).append(" : ").append(kind).append("( $trigger.matches").append(kind).append("(this) )\n")
                    .append(then);
            out.append("rule \"Trigger table: ").append(f.word()).append(" in a district of the row's locale\"\n    agenda-group \"suggest\"\nwhen\n")
                    .append("    $trigger : Trigger( ").append(row).append(", locale != null )\n")
                    .append("    $district : District( locale == $trigger.locale )\n")
                    .append("    ").append(f.binding()).append(" : ").append(kind).append("( $trigger.matches").append(kind).append("(this) )\n")
                    .append(then);
        }
        return out.toString();
    }

    private static TriggerTable generate(List<Trigger> rows) {
        return new TriggerTable(rows);
    }

    /**
     * The rule files the engine compiles: the table itself is data, so it is left out (a changed row finds
     * the compiled rules already in the cache) and the fixed rules that match rows are added.
     */
    RuleFiles compiled(RuleFiles files) {
        RuleFiles without = files.without(Trigger.FILE);
        return rows.isEmpty() ? without : without.with(PATH, RULES);
    }

    /** Every row as a rule, for coverage, explain and the rule pages; a name a DRL rule already has is a problem at the row. */
    List<RuleInfo> rules(List<RuleInfo> drl, List<Problem> problems) {
        Map<String, RuleInfo> byName = new HashMap<>();
        drl.forEach(r -> byName.put(r.name(), r));
        List<RuleInfo> out = new ArrayList<>();
        for (Trigger t : rows) {
            RuleInfo other = byName.get(t.rule());
            if (other != null) {
                problems.add(at(t.row(), Column.RULE, "\"" + t.rule() + "\" is also the name of the rule at " + other.location() + "; names must be unique"));
                continue;
            }
            out.add(new RuleInfo(t.rule(), Trigger.FILE, t.row(), RuleInfo.SUGGEST, t.divides(), t.sources(), null, t.suggests(), t.why(), when(t)));
        }
        return out;
    }

    /** One row as the DRL rule it stands for: the shape of the hand-written rules it replaced, for the rule's page. */
    static String rule(Trigger t) {
        StringBuilder out = new StringBuilder();
        out.append("rule \"").append(t.rule()).append("\"\n");
        out.append("    @source(\"").append(String.join(", ", t.sources())).append("\")\n");
        out.append("    @divide(\"").append(String.join(", ", t.divides().stream().map(Divide::name).toList())).append("\")\n");
        out.append("    agenda-group \"suggest\"\nwhen\n");
        out.append(when(t)).append("then\n");
        for (String id : t.suggests()) {
            out.append("    insert( new Suggestion(\"").append(id).append("\") );\n");
        }
        return out.append("end\n").toString();
    }

    /** The conditions of a row, as DRL. */
    static String when(Trigger t) {
        StringBuilder out = new StringBuilder();
        if (t.locale() != null) {
            out.append("$district : District( locale == \"").append(t.locale()).append("\" )\n");
        }
        List<String> constraints = new ArrayList<>();
        String field = switch (t.finding()) {
            case GAP, DATA_GAP -> "metric";
            case WEAKNESS -> "indicator";
            case STRENGTH -> "id";
        };
        if (!t.on().isEmpty()) {
            constraints.add(String.join(" || ", t.on().stream().map(id -> field + " == \"" + id + "\"").toList()));
        }
        if (!t.groups().isEmpty()) {
            constraints.add(groups(t.groups()));
        }
        if (t.severe()) {
            constraints.add("severe");
        }
        if (t.level() != null) {
            constraints.add("level == " + t.level());
        }
        out.append(t.finding().binding()).append(" : ").append(t.finding().fact()).append("(")
                .append(constraints.isEmpty() ? "" : " " + String.join(", ", constraints) + " ").append(")");
        return out.toString();
    }

    private static String groups(List<String> patterns) {
        if (patterns.size() == 1 && patterns.get(0).equals(Trigger.SUBGROUP)) {
            return "subgroup";
        }
        if (patterns.stream().allMatch(p -> p.contains("*"))) {
            return "group matches \"" + String.join("|", patterns.stream().map(Trigger::regex).toList()) + "\"";
        }
        List<String> parts = patterns.stream().map(p -> p.equals(Trigger.SUBGROUP) ? "subgroup"
                : p.contains("*") ? "group matches \"" + Trigger.regex(p) + "\"" : "group == \"" + p + "\"").toList();
        return parts.size() == 1 ? parts.get(0) : "( " + String.join(" || ", parts) + " )";
    }

    List<Trigger> rows() {
        return rows;
    }
}
