package org.equityadvisor.model;

import java.util.List;

/**
 * One row of the trigger table ({@code triggers.csv}): when this finding, suggest these. Read as "when the
 * district has a {@code finding} on one of {@code on}, for a group matching one of {@code groups}, in a
 * {@code locale} district, at {@code severity} or {@code level}, suggest {@code suggests}". Empty lists and
 * null fields are conditions the row does not set. The rows are facts of every advice: fixed rules match them
 * with the district's findings (see {@code matchesGap}), and each firing is named after its row, so a row
 * explains itself like any rule and a changed row needs no compiling.
 *
 * @param row       the row's number as a spreadsheet shows it (the header is row 1)
 * @param groups    group patterns: a group id, {@code subgroup} (any group but the district as a whole),
 *                  or a pattern with {@code *} ("race:*Native*")
 * @param severe    for a gap: only past the metric's severe threshold
 * @param level     for a weakness or strength: only at this self-rating
 */
public record Trigger(
        String rule,
        int row,
        Finding finding,
        List<String> on,
        List<String> groups,
        String locale,
        boolean severe,
        Integer level,
        List<String> suggests,
        List<Divide> divides,
        List<String> sources,
        String why) {

    /** The table's file, in the rule set folder. */
    public static final String FILE = "triggers.csv";

    /** The kinds of finding a row can start from, as the table writes them. */
    public enum Finding {
        GAP("gap", "Gap", "$gap"),
        WEAKNESS("weakness", "Weakness", "$weakness"),
        DATA_GAP("data-gap", "DataGap", "$missing"),
        STRENGTH("strength", "Strength", "$strength");

        private final String word;
        private final String fact;
        private final String binding;

        Finding(String word, String fact, String binding) {
            this.word = word;
            this.fact = fact;
            this.binding = binding;
        }

        /** As the table writes it: gap, weakness, data-gap, strength. */
        public String word() {
            return word;
        }

        /** The fact a finding of this kind is, in the rules: Gap, Weakness, DataGap, Strength. */
        public String fact() {
            return fact;
        }

        /** The name rules bind it to: $gap, $weakness, $missing, $strength. */
        public String binding() {
            return binding;
        }

        public static Finding of(String word) {
            for (Finding f : values()) {
                if (f.word.equals(word)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** The group patterns' meaning for "any group but the district as a whole". */
    public static final String SUBGROUP = "subgroup";

    public Trigger {
        on = List.copyOf(on);
        groups = List.copyOf(groups);
        suggests = List.copyOf(suggests);
        divides = List.copyOf(divides);
        sources = List.copyOf(sources);
        why = why == null ? "" : why;
    }

    /** Where the row is: "triggers.csv:12" (row 12). */
    public String location() {
        return FILE + ":" + row;
    }

    /** True when a group id matches one of the row's patterns (or the row sets none). */
    public boolean matchesGroup(String group) {
        return groups.isEmpty() || groups.stream().anyMatch(p -> p.equals(SUBGROUP) ? !Measure.ALL.equals(group) : group.matches(regex(p)));
    }

    /** A group pattern as a regular expression: group patterns hold only letters, digits, ':', '-', '_' and '*'. */
    public static String regex(String pattern) {
        return pattern.replace("*", ".*");
    }

    public boolean gapRow() {
        return finding == Finding.GAP;
    }

    public boolean weaknessRow() {
        return finding == Finding.WEAKNESS;
    }

    public boolean dataGapRow() {
        return finding == Finding.DATA_GAP;
    }

    public boolean strengthRow() {
        return finding == Finding.STRENGTH;
    }

    /** The row's conditions on a gap: its metric, its group, its severity. */
    public boolean matchesGap(Gap gap) {
        return finding == Finding.GAP && (on.isEmpty() || on.contains(gap.metric())) && matchesGroup(gap.group()) && (!severe || gap.severe());
    }

    public boolean matchesWeakness(Weakness weakness) {
        return finding == Finding.WEAKNESS && (on.isEmpty() || on.contains(weakness.indicator())) && (level == null || level == weakness.level());
    }

    public boolean matchesDataGap(DataGap missing) {
        return finding == Finding.DATA_GAP && (on.isEmpty() || on.contains(missing.metric()));
    }

    public boolean matchesStrength(Strength strength) {
        return finding == Finding.STRENGTH && (on.isEmpty() || on.contains(strength.id()))
                && (level == null || level.equals(strength.level()));
    }
}
