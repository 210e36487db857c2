package org.equityadvisor.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Problem;
import org.equityadvisor.testing.Fixtures;
import org.equityadvisor.testing.RealData;
import org.junit.jupiter.api.Test;

class StateImportTest {

    static final Path ILLINOIS_MAPPING = Path.of("docs/examples/illinois-2020-21.mapping.yaml");
    static final String QUESTION = "How many students are NOT able to connect to the internet from their home?";
    static final String ONE_TO_ONE = "\"1. Is your district one-to-one at all grade levels? For this survey, \"\"one-to-one\"\" refers to districts providing each student "
            + "with an instructional device like a laptop, tablet, and Chromebook.\"";

    /** Shaped like the Illinois report, with its mess: <10, Unk, yes/YES/no, a repeated id, a short row, a row without a name. */
    static final String ILLINOIS_LIKE = "School Year,RCDTS,RCDT,District Name,PreK-12,Low Income,District,RCDT," + ONE_TO_ONE + ",Number of Devices for Students," + QUESTION + " \n"
            + "2021,10010010260000,1001001026,Payson CUSD 1,513,222,Payson CUSD 1,1001001026,No,425,281\n"
            + "2021,10010020260000,1001002026,Liberty CUSD 2,632,161,Liberty CUSD 2,1001002026,yes,660,50\n"
            + "2021,10010040260000,1001004026,CUSD 4,669,<10,CUSD 4,1001004026,YES,700,<10\n"
            + "2021,20010050260000,2001005026,Unknown CUSD 5,400,100,Unknown CUSD 5,2001005026,Unk,Unk,Unk\n"
            + "2021,70161470020000,7016147002,W Harvey-Dixmoor PSD 147,831,830,W Harvey-Dixmoor PSD 147,7016147002,Yes,830,842\n"
            + "2021,40042000260000,4004200026,North Boone CUSD 200,1504,555,NORTH BOONE C U SCH DIST 200,4004200026,Yes,1500,Unk\n"
            + "2021,40042000260000,4004200026,North Boone CUSD 200,1504,555,Northwestern CUSD 2,4004200026,Yes,1500,120\n"
            + "2021,50000000000000,5000000000,,300,20,,5000000000,No,300,3\n"
            + "2021,60000000000000,6000000000,Short CUSD,300\n"
            + "2021,90000000000000,9000000000,Maybe CUSD,300,30,Maybe CUSD,9000000000,Perhaps,30,30\n";

    private static final KnowledgeBase KB = Fixtures.bundled();

    private static List<StateImport.Row> rows(StateImport state, String name, String csv) {
        List<StateImport.Row> out = new ArrayList<>();
        state.read(name, csv, out::add);
        return out;
    }

    private static StateImport illinois() {
        return StateImport.withMapping(ILLINOIS_MAPPING, KB);
    }

    private static Map<String, StateImport.Row> byId(List<StateImport.Row> rows) {
        return rows.stream().filter(r -> r.id() != null).collect(Collectors.toMap(StateImport.Row::id, Function.identity(), (a, b) -> a));
    }

    private static Double gm01(StateImport.Row row) {
        return row.assessment().measure("GM-01", Measure.ALL).map(Measure::value).orElse(null);
    }

    @Test
    void turnsCountsIntoPercentagesOfTheEnrolmentAsWorkedOutByHand() {
        Map<String, StateImport.Row> rows = byId(rows(illinois(), "il.csv", ILLINOIS_LIKE));

        StateImport.Row payson = rows.get("10010010260000");
        assertThat(payson.assessment().district().name()).isEqualTo("Payson CUSD 1");
        assertThat(payson.assessment().district().id()).as("a state id is not an NCES id").isNull();
        assertThat(payson.assessment().district().state()).isEqualTo("IL");
        assertThat(payson.assessment().district().enrollment()).isEqualTo(513);
        assertThat(payson.assessment().district().lowIncomePct()).as("222 of 513").isEqualTo(43.3);
        assertThat(gm01(payson)).as("281 of 513").isEqualTo(54.8);
        assertThat(payson.assessment().measures().get(0).n()).isEqualTo(513);
        assertThat(payson.assessment().measures().get(0).source()).isEqualTo("ISBE Report of School Tech 2020-21");
        assertThat(payson.assessment().measures().get(0).year()).isEqualTo(2021);
        assertThat(payson.assessment().district().inPlace()).as("not one-to-one").isEmpty();
        StateImport.Row liberty = rows.get("10010020260000");
        assertThat(liberty.assessment().district().lowIncomePct()).as("161 of 632").isEqualTo(25.5);
        assertThat(gm01(liberty)).as("50 of 632").isEqualTo(7.9);
        assertThat(liberty.assessment().district().inPlace()).as("'yes' in lower case").containsExactly("AS-04");
    }

    @Test
    void readsSuppressedAndUnknownCellsAsNoFigureAndSaysWhich() {
        Map<String, StateImport.Row> rows = byId(rows(illinois(), "il.csv", ILLINOIS_LIKE));

        StateImport.Row small = rows.get("10010040260000");
        assertThat(gm01(small)).isNull();
        assertThat(small.assessment().district().lowIncomePct()).isNull();
        assertThat(small.assessment().district().inPlace()).as("'YES'").containsExactly("AS-04");
        assertThat(small.notes()).containsExactly("lowIncomePct: suppressed by the state ('<10' in column 'Low Income')",
                "GM-01: suppressed by the state ('<10' in column '" + QUESTION + "')");
        assertThat(small.warnings()).isEmpty();
        StateImport.Row unknown = rows.get("20010050260000");
        assertThat(gm01(unknown)).isNull();
        assertThat(unknown.notes()).contains("GM-01: unknown ('Unk' in column '" + QUESTION + "')", "AS-04: no answer in column '1. Is your district "
                + "one-to-one at all grade levels?*'");
    }

    @Test
    void warnsOfAFigureThatCannotBeRightAndLeavesItOut() {
        Map<String, StateImport.Row> rows = byId(rows(illinois(), "il.csv", ILLINOIS_LIKE));

        StateImport.Row harvey = rows.get("70161470020000");
        assertThat(gm01(harvey)).isNull();
        assertThat(harvey.warnings()).containsExactly("GM-01: 842 students in column '" + QUESTION + "' is more than the 831 enrolled: left out; check the row");
        assertThat(harvey.assessment().district().lowIncomePct()).as("830 of 831").isEqualTo(99.9);
        assertThat(rows.get("90000000000000").warnings()).containsExactly("'Perhaps' in column '1. Is your district one-to-one at all grade levels?*' "
                + "is not Yes or No: AS-04 left out");
    }

    @Test
    void rejectsRowsThatNameNoDistrictOrTheSameDistrictTwiceAndGoesOn() {
        List<StateImport.Row> rows = rows(illinois(), "il.csv", ILLINOIS_LIKE);

        assertThat(rows).hasSize(10);
        assertThat(rows.stream().filter(StateImport.Row::rejected).map(r -> r.line() + ": " + r.rejection())).containsExactly(
                "7: the id 40042000260000 is on lines 7, 8 with different figures: the file must say which row is right",
                "8: the id 40042000260000 is on lines 7, 8 with different figures: the file must say which row is right",
                "9: no district name in column 'District Name'");
        assertThat(rows.stream().filter(r -> !r.rejected()).map(StateImport.Row::id)).containsExactly("10010010260000", "10010020260000",
                "10010040260000", "20010050260000", "70161470020000", "60000000000000", "90000000000000");
        assertThat(byId(rows).get("60000000000000").notes()).as("a short row has blank cells").contains("lowIncomePct: blank in column 'Low Income'");
    }

    @Test
    void keepsTheFirstOfTwoIdenticalRowsAndRejectsTheRepeat() {
        String csv = "RCDTS,District Name,PreK-12,Low Income," + QUESTION + "\n"
                + "1,Alpha,100,10,5\n"
                + "1,Alpha,100,10,5\n";
        StateImport state = StateImport.withMapping("m.yaml", "id: RCDTS\ndistrict: { name: District Name, enrollment: PreK-12 }\n"
                + "measures:\n  - { metric: GM-01, count: \"" + QUESTION + "\" }\n", KB);

        List<StateImport.Row> rows = rows(state, "two.csv", csv);

        assertThat(rows.get(0).rejected()).isFalse();
        assertThat(rows.get(1).rejection()).isEqualTo("a repeat of line 2");
    }

    @Test
    void reportsEachProblemOfAMappingFileWithItsLine() {
        InputException e = catchThrowableOfType(InputException.class, () -> StateImport.withMapping("bad.yaml", """
                id: RCDTS
                state: Illinoy
                district:
                  name: District Name
                measures:
                  - metric: GM-1
                    count: Offline students
                  - metric: GM-05
                inPlace:
                  - { action: AS-99, column: One to one, when: maybe }
                """, KB));

        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "bad.yaml:2: state: 'Illinoy' is not a state's two-letter code or name",
                "bad.yaml:6: measures[0].metric: 'GM-1' is not a gap metric of the rule set",
                "bad.yaml:7: measures[0].count: a count needs district.enrollment: to become a percentage",
                "bad.yaml:8: measures[1].count: give the column as count: (students, turned into a percentage of the enrolment) or percent:",
                "bad.yaml:10: inPlace[0].action: 'AS-99' is not a catalog action of the rule set",
                "bad.yaml:10: inPlace[0].when: 'maybe' is not Yes or No");
    }

    @Test
    void namesTheMappingLineOfAColumnTheFileDoesNotHave() {
        StateImport state = StateImport.withMapping("m.yaml", "id: RCDTS\ndistrict:\n  name: District Name\n  enrollment: Enrolment\n", KB);

        InputException e = catchThrowableOfType(InputException.class, () -> rows(state, "il.csv", ILLINOIS_LIKE));

        assertThat(e.problems()).extracting(Problem::toString).containsExactly("m.yaml:4: district.enrollment: there is no column 'Enrolment' in il.csv");
    }

    @Test
    void asksForAPositionWhenANameMatchesTwoColumns() {
        StateImport state = StateImport.withMapping("m.yaml", "id: RCDT\ndistrict: { name: District Name }\n", KB);

        InputException e = catchThrowableOfType(InputException.class, () -> rows(state, "il.csv", ILLINOIS_LIKE));

        assertThat(e.getMessage()).contains("m.yaml:1: id: 'RCDT' matches more than one column of il.csv: name it by position, e.g. '#3'");
        assertThat(rows(StateImport.withMapping("m.yaml", "id: \"#3\"\ndistrict: { name: District Name }\n", KB), "il.csv", ILLINOIS_LIKE).get(0).id())
                .isEqualTo("1001001026");
    }

    @Test
    void importsTheRealIllinoisReportWithItsMappingFile() {
        Path file = RealData.file(RealData.ILLINOIS);
        List<StateImport.Row> rows = new ArrayList<>();

        StateImport.Summary summary = illinois().read(file, rows::add);

        assertThat(summary.rows()).isEqualTo(656);
        assertThat(summary.rejected()).as("12 districts on two rows that disagree, and one exact repeat").isEqualTo(25);
        assertThat(summary.written()).isEqualTo(631);
        Map<String, StateImport.Row> byId = byId(rows.stream().filter(r -> !r.rejected()).toList());
        assertThat(gm01(byId.get("10010010260000"))).as("Payson: 281 of 513").isEqualTo(54.8);
        assertThat(byId.get("10010010260000").assessment().district().lowIncomePct()).as("222 of 513").isEqualTo(43.3);
        assertThat(gm01(byId.get("10010020260000"))).as("Liberty: 50 of 632").isEqualTo(7.9);
        assertThat(byId.get("10010040260000").notes()).as("CUSD 4 on line 5").contains(
                "GM-01: suppressed by the state ('<10' in column '" + QUESTION + "')");
        assertThat(byId.get("70161470020000").warnings()).as("W Harvey-Dixmoor: 842 offline of 831").hasSize(1);
        assertThat(rows.stream().filter(r -> "150162990250000".equals(r.id())).map(StateImport.Row::rejection)).as("Chicago's two rows disagree")
                .containsOnly("the id 150162990250000 is on lines 238, 239 with different figures: the file must say which row is right");
        assertThat(byId.values()).allSatisfy(r -> assertThat(KB.validate(r.assessment())).isEmpty());
    }
}
