package org.equityadvisor.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Problem;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

class AssessmentReaderTest {

    private final AssessmentReader reader = new AssessmentReader(Fixtures.fixture());

    private List<String> problems(String name, String text) {
        InputException e = catchThrowableOfType(InputException.class, () -> reader.read(name, text));
        assertThat(e).as("the document should be refused").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void readsTheContractsExampleInYaml() {
        Assessment a = reader.read("riverbend.yaml", """
                district:
                  name: Riverbend Unified
                  id: "0612345"
                  state: CA
                  locale: rural
                  enrollment: 4200
                  planStart: 2027-01-11
                  inPlace: [AS-16]
                answers:
                  SA-ACC-07: { level: 1, note: "only the IT department meets on this" }
                measures:
                  - metric: GM-01
                    value: 12.5
                    n: 4100
                    moe: 2.1
                    year: 2025
                    source: 2025 family survey
                  - { metric: GM-01, group: low-income, value: 14 }
                thresholds:
                  GM-08: 80
                """);

        assertThat(a.district().id()).isEqualTo("0612345");
        assertThat(a.district().planStart()).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(a.district().inPlace()).containsExactly("AS-16");
        assertThat(a.answers()).singleElement().satisfies(x -> assertThat(x.note()).isEqualTo("only the IT department meets on this"));
        assertThat(a.measures()).containsExactly(new Measure("GM-01", "all", 12.5, 4100, 2.1, 2025, "2025 family survey"),
                new Measure("GM-01", "low-income", 14.0));
        assertThat(a.thresholds()).containsEntry("GM-08", 80.0);
    }

    @Test
    void readsJsonToo() {
        Assessment a = reader.read("d.json", "{\"district\": {\"name\": \"Lakeside\"}, \"answers\": {\"SA-ACC-07\": 3}}");

        assertThat(a.district().name()).isEqualTo("Lakeside");
        assertThat(a.answers()).singleElement().satisfies(x -> assertThat(x.level()).isEqualTo(3));
    }

    @Test
    void reportsEveryProblemOfADocumentAtOnceWithFileLineAndPath() {
        List<String> problems = problems("bad.yaml", """
                district:
                  enrollment: -5
                answers:
                  SA-ACC-07: 7
                  SA-XYZ-01: 2
                measures:
                  - metric: GM-01
                    value: -4
                  - metric: GM-01
                    group: low-income
                    value: 140
                  - metric: GM-99
                    value: 3
                  - metric: GM-08
                    value: many
                """);

        assertThat(problems).containsExactlyInAnyOrder(
                "bad.yaml:1: district.name: is required: the district's name",
                "bad.yaml:2: district.enrollment: -5 must be above 0",
                "bad.yaml:4: answers.SA-ACC-07: level 7 is outside 1..4 (1 Foundational, 2 Developing, 3 Established, 4 Advanced)",
                "bad.yaml:5: answers.SA-XYZ-01: 'SA-XYZ-01' is not a self-assessment indicator",
                "bad.yaml:8: measures[0].value: -4 is negative; a percentage is within 0..100",
                "bad.yaml:11: measures[1].value: 140 is above 100",
                "bad.yaml:12: measures[2].metric: 'GM-99' is not a gap metric",
                "bad.yaml:15: measures[3].value: expected a number, found 'many'");
    }

    @Test
    void refusesAMissingDistrictAndUnknownTopLevelFields() {
        assertThat(problems("x.yaml", "answer:\n  SA-ACC-07: 2\n")).containsExactlyInAnyOrder(
                "x.yaml:1: answer: unknown field 'answer' (expected one of answers, district, measures, thresholds)",
                "x.yaml:1: district: is required");
    }

    @Test
    void tellsToQuoteAnNcesIdWrittenAsANumber() {
        assertThat(problems("x.yaml", "district:\n  name: X\n  id: 0612345\n"))
                .containsExactly("x.yaml:3: district.id: write the NCES id in quotes (\"0612345\"): as a number it loses its leading zeros");
    }

    @Test
    void reportsMalformedYamlWithItsLine() {
        assertThat(problems("x.yaml", "district:\n  name: X\nmeasures:\n  - metric: GM-01\n    value: [3\n"))
                .singleElement().asString().startsWith("x.yaml:").contains("malformed YAML");
    }

    @Test
    void refusesAFileTooLargeToBeADocumentBeforeReadingIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path big = tmp.resolve("big.yaml");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(7_000_000_000L);
        }

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read(big));

        assertThat(e.problems()).extracting(Problem::toString)
                .containsExactly(big + ": is 7,000,000,000 bytes long; a document has at most 2,000,000 characters");
    }

    @Test
    void reportsAMissingFileByName() {
        InputException e = catchThrowableOfType(InputException.class, () -> reader.read(java.nio.file.Path.of("no/such/file.yaml")));
        assertThat(e.problems()).extracting(Problem::toString).containsExactly("no/such/file.yaml: no such file");
    }

    @Test
    void readsSectionsLeftEmptyOrCommentedOutAsNothingGiven() {
        Assessment a = reader.read("starter.yaml", "district:\n  name: X\n  state:\nanswers:\n  # SA-ACC-07: 2\nmeasures:\nthresholds:\n");

        assertThat(a.district().state()).isNull();
        assertThat(a.answers()).isEmpty();
        assertThat(a.measures()).isEmpty();
    }

    @Test
    void refusesAPlanStartOutsidePlausibleYearsNamingTheField() {
        assertThat(problems("x.yaml", "district:\n  name: X\n  planStart: +999999999-12-31\n")).containsExactly(
                "x.yaml:3: district.planStart: +999999999-12-31 is after 2100-12-31; use a date from 1990-01-01 to 2100-12-31");
        assertThat(problems("x.yaml", "district:\n  name: X\n  planStart: 2095-01-01\n")).containsExactly(
                "x.yaml:3: district.planStart: 2095-01-01 is after 2090-12-31; use a date from 1990-01-01 to 2090-12-31");
        assertThat(problems("x.yaml", "district:\n  name: X\n  planStart: 1066-10-14\n")).containsExactly(
                "x.yaml:3: district.planStart: 1066-10-14 is before 1990-01-01; use a date from 1990-01-01 to 2100-12-31");
    }

    @Test
    void refusesTextsOverTheirFieldsMaximumNamingFieldAndLimit() {
        String longName = "R".repeat(501);
        String longSource = "s".repeat(2_001);

        assertThat(problems("x.yaml", "district:\n  name: " + longName + "\nmeasures:\n  - { metric: GM-01, value: 3, source: " + longSource + " }\n"))
                .containsExactlyInAnyOrder("x.yaml:2: district.name: is 501 characters long; a name has at most 200",
                        "x.yaml:4: measures[0].source: is 2,001 characters long; this text has at most 2,000");
    }

    @Test
    void refusesControlCharactersAndLineBreaksInANameButKeepsThemOutOfTheMessage() {
        assertThat(problems("x.json", "{\"district\": {\"name\": \"River\\u0000bend\"}}"))
                .containsExactly("x.json:1: district.name: contains the control character U+0000 at character 6, which cannot be printed; remove it");
        assertThat(problems("x.json", "{\"district\": {\"name\": \"River\\nbend\"}}"))
                .containsExactly("x.json:1: district.name: has a line break; a name is one line");
    }

    @Test
    void quotesAtMostSixtyCharactersOfAWrongValue() {
        assertThat(problems("x.yaml", "district:\n  name: X\n  locale: " + "m".repeat(5_000) + "\n"))
                .containsExactly("x.yaml:3: district.locale: '" + "m".repeat(60) + "\u2026' (5,000 characters) is not one of city, suburb, town, rural");
    }

    @Test
    void refusesMoreRowsThanTheLimitWithOneProblemBeforeCheckingThem() {
        String rows = "  - { metric: GM-01, group: 'school:%d', value: 140 }\n";
        StringBuilder text = new StringBuilder("district:\n  name: X\nmeasures:\n");
        for (int i = 0; i < 2_001; i++) {
            text.append(rows.formatted(i));
        }

        assertThat(problems("x.yaml", text.toString()))
                .containsExactly("x.yaml:3: measures: 2,001 rows; at most 2,000");
    }

    @Test
    void refusesFiguresNoDistrictHas() {
        assertThat(problems("x.yaml", "district:\n  name: X\n  enrollment: 2000000000\n  schools: 99999\nmeasures:\n  - { metric: GM-01, value: 3, n: 2000000000 }\n"))
                .containsExactlyInAnyOrder("x.yaml:3: district.enrollment: 2,000,000,000 is above 5,000,000, more than any district has",
                        "x.yaml:4: district.schools: 99,999 is above 10,000, more than any district has",
                        "x.yaml:6: measures[0].n: 2000000000 is above 100,000,000, the most one figure may count");
    }
}
