package org.equityadvisor.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveyImportTest {

    static final String HEADER = "InternetAccessInResidence,BarrierToInternetAccessInResidence,InternetAccessTypeInResidence,InternetPerformance,"
            + "DigitalDevice,PrimaryLearningDeviceProvider,PrimaryLearningDeviceAccess,LowIncome,EnglishLearner,Race,School\n";

    /**
     * Thirty students in five blocks, so each figure can be worked out by hand:
     * A 10 connected by broadband, streaming fine, school laptop not shared (White, North);
     * B 6 offline because it is not affordable, a personal smartphone they share (low-income, Hispanic, South);
     * C 4 offline where service is not available, no device (low-income English learners, Hispanic, South);
     * D 5 cellular-only, sometimes interrupted, a shared school Chromebook (low-income, White, North);
     * E 5 broadband that fails video, a personal tablet not shared (English learners, Asian, North).
     */
    static final String THIRTY = HEADER
            + "Yes,,Residential Broadband,Yes,Laptop Computer,School,Not Shared,N,N,White,North\n".repeat(10)
            + "No - Not Affordable,,None,,Smartphone,Personal,Shared,Y,N,Hispanic or Latino,South\n".repeat(6)
            + "No,Not Available,None,,None,,,Y,Y,Hispanic or Latino,South\n".repeat(4)
            + "Yes,,Cellular Network,Sometimes,Chromebook,School,Shared,Yes,No,White,North\n".repeat(5)
            + "Yes,,Residential Broadband,No,Tablet,Personal,Not Shared,false,true,Asian,North\n".repeat(5);

    static ImportReport read(SurveyImport survey, String name, String csv, Integer enrollment) {
        return survey.read(name, new StringReader(csv), enrollment);
    }

    static Optional<Measure> figure(ImportReport r, String metric, String group) {
        return r.measures().stream().filter(m -> m.metric().equals(metric) && m.group().equals(group)).findFirst();
    }

    static double value(ImportReport r, String metric, String group) {
        return figure(r, metric, group).orElseThrow(() -> new AssertionError(metric + " for " + group + " is missing")).value();
    }

    @Test
    void countsEveryStandardMetricForTheDistrictAsWorkedOutByHand() {
        ImportReport r = read(SurveyImport.standard(), "survey.csv", THIRTY, 40);

        assertThat(r.rowsRead()).isEqualTo(30);
        assertThat(r.rowsUsed()).isEqualTo(30);
        assertThat(r.rowsSkipped()).isZero();
        assertThat(value(r, "GM-01", "all")).as("B 6 + C 4 offline of 30").isEqualTo(33.3);
        assertThat(figure(r, "GM-01", "all").orElseThrow().n()).isEqualTo(30);
        assertThat(value(r, "GM-02", "all")).as("B 6 smartphones + D 5 cellular of 30").isEqualTo(36.7);
        assertThat(value(r, "GM-03", "all")).as("D 5 + E 5 of the 20 connected who answered").isEqualTo(50.0);
        assertThat(figure(r, "GM-03", "all").orElseThrow().n()).isEqualTo(20);
        assertThat(value(r, "GM-04a", "all")).as("C 4 not available of 10 offline").isEqualTo(40.0);
        assertThat(value(r, "GM-04b", "all")).as("B 6, barrier named in the access answer").isEqualTo(60.0);
        assertThat(value(r, "GM-04c", "all")).isEqualTo(0.0);
        assertThat(value(r, "GM-05", "all")).as("B 6 smartphones + C 4 no device of 30").isEqualTo(33.3);
        assertThat(value(r, "GM-06", "all")).as("B 6 + D 5 shared of the 26 with a device").isEqualTo(42.3);
        assertThat(value(r, "GM-07", "all")).as("A 10 + D 5 school devices of 26").isEqualTo(57.7);
        assertThat(value(r, "GM-08", "all")).as("30 answers of 40 enrolled").isEqualTo(75.0);
        assertThat(r.measures()).allSatisfy(m -> {
            assertThat(m.kind()).isEqualTo(Measure.Kind.SURVEY);
            assertThat(m.source()).isEqualTo("home-access survey (survey.csv)");
        });
    }

    @Test
    void countsEachGroupAndWithholdsGroupsAndFiguresUnderTen() {
        ImportReport r = read(SurveyImport.standard(), "survey.csv", THIRTY, 40);

        assertThat(value(r, "GM-01", "low-income")).as("10 of the 15 low-income students are offline").isEqualTo(66.7);
        assertThat(value(r, "GM-02", "low-income")).as("11 of 15").isEqualTo(73.3);
        assertThat(value(r, "GM-07", "low-income")).as("D 5 school devices of 11").isEqualTo(45.5);
        assertThat(figure(r, "GM-03", "low-income")).as("only 5 connected low-income students answered").isEmpty();
        assertThat(value(r, "GM-04b", "race:Hispanic or Latino")).as("B 6 of the 10 offline").isEqualTo(60.0);
        assertThat(value(r, "GM-05", "race:White")).isEqualTo(0.0);
        assertThat(value(r, "GM-01", "school:South")).isEqualTo(100.0);
        assertThat(value(r, "GM-02", "school:North")).as("D 5 of 20").isEqualTo(25.0);

        assertThat(r.measures()).noneMatch(m -> m.group().equals("english-learners") || m.group().equals("race:Asian"));
        assertThat(r.measures()).allSatisfy(m -> assertThat(m.n()).isGreaterThanOrEqualTo(Measure.MIN_GROUP));
        assertThat(r.withheld()).contains(
                "group english-learners: fewer than 10 answers, so none of its figures is reported",
                "group race:Asian: fewer than 10 answers, so none of its figures is reported",
                "GM-03 for group low-income: fewer than 10 students counted",
                "GM-06, GM-07 for group race:Hispanic or Latino: fewer than 10 students counted");
    }

    @Test
    void withholdsAFigureFromWhichASmallerWithheldGroupCouldBeWorkedOut() {
        ImportReport r = read(SurveyImport.standard(), "survey.csv", SurveyImportTest.THIRTY, 40);

        // District 10 offline of 30 = Hispanic 10 of 10 + White 0 of 15 + Asian 0 of 5: with the Hispanic figure shown, the
        // Asian students' (5, withheld) would follow by subtraction. Hispanic is the smaller shown group, so it goes too.
        assertThat(figure(r, "GM-01", "race:Hispanic or Latino")).isEmpty();
        assertThat(value(r, "GM-01", "race:White")).isEqualTo(0.0);
        // Of the 20 connected who rated performance, White 15 and Asian 5 (Hispanic students are all offline).
        assertThat(figure(r, "GM-03", "race:White")).isEmpty();
        assertThat(r.withheld()).contains("GM-01, GM-02, GM-05 for group race:Hispanic or Latino: withheld as well, so that a smaller withheld group "
                + "cannot be worked out from the district's figure", "GM-03 for group race:White: withheld as well, so that a smaller withheld group "
                + "cannot be worked out from the district's figure");
        assertThat(String.join("\n", r.withheld())).as("a withheld group's size is never said").doesNotContain("9 answers", "5 answers");
    }

    @Test
    void reportsEveryBadRowByLineAndColumnAndGoesOn() {
        String csv = HEADER
                + "Yes,,Residential Broadband,Yes,Laptop Computer,School,Not Shared,N,N,White,North\n".repeat(11)
                + "Maybe,,Residential Broadband,Yes,Laptop Computer,School,Not Shared,N,N,White,North\n"
                + "Yes,,Fiber to the moon,Yes,Laptop Computer,School,Not Shared,sometimes,N,White,North\n"
                + "Yes,,Residential Broadband,Yes,Laptop Computer,School,Not Shared,N,N,White,North,extra,cells\n"
                + ",,,,,,,N,N,White,North\n"
                + "\n"
                + "No - Not Available,,None,,None,,,N,N,White,North\n";

        ImportReport r = read(SurveyImport.standard(), "bad.csv", csv, null);

        assertThat(r.problems()).extracting(Problem::toString).containsExactly(
                "bad.csv:13: InternetAccessInResidence: 'Maybe' is not an answer to InternetAccessInResidence (expected Yes, No, No - Not Available, "
                        + "No - Not Affordable, No - Not Desired, No - Other); map it in a mapping file",
                "bad.csv:14: InternetAccessTypeInResidence: 'Fiber to the moon' is not an answer to InternetAccessTypeInResidence (expected Residential "
                        + "Broadband, Cellular Network, Hot Spot, Community Provided Wi-Fi, Satellite, Dial-up, Other, None, Unknown); map it in a mapping file",
                "bad.csv:14: LowIncome: 'sometimes' is not an answer to LowIncome (expected Yes, No); map it in a mapping file",
                "bad.csv:15: 13 cells where the header has 11 columns (an unquoted comma?)");
        assertThat(r.rowsRead()).isEqualTo(16);
        assertThat(r.rowsUsed()).as("the 11 good rows and the last one, after the bad ones").isEqualTo(12);
        assertThat(r.rowsSkipped()).isEqualTo(3);
        assertThat(r.rowsEmpty()).isEqualTo(1);
        assertThat(r.rejectedRows()).isTrue();
        assertThat(value(r, "GM-01", "all")).as("1 offline of the 12 rows used").isEqualTo(8.3);
        assertThat(r.summary()).isEqualTo("bad.csv: 16 rows read, 12 used, 3 skipped for problems, 1 without any answer");
        assertThat(r.notes()).contains("GM-08 (coverage) not computed: give the district's enrolment (--enrollment, or enrollment: in the district file)");
    }

    @Test
    void namesTheLineOfARowAfterAQuotedCellThatSpansTwoLinesAndReadsAByteOrderMark() {
        String csv = "\uFEFF" + HEADER
                + "\"Yes\",,\"Residential\nBroadband\",Yes,Laptop Computer,School,Not Shared,N,N,White,North\n"
                + "Nope,,None,,None,,,N,N,White,North\n";

        ImportReport r = survey().read("multi.csv", new InputStreamReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8), null);

        assertThat(r.problems()).extracting(Problem::place).containsExactly("multi.csv:4: InternetAccessInResidence");
        assertThat(r.notes().get(0)).startsWith("columns read: InternetAccessInResidence, BarrierToInternetAccessInResidence");
    }

    private static SurveyImport survey() {
        return SurveyImport.standard();
    }

    @Test
    void keepsOnlyTheFirstHundredProblemsAndCountsTheRestByColumn() {
        String csv = HEADER + "Maybe,,,,,,,,,,\n".repeat(250);

        ImportReport r = read(SurveyImport.standard(), "many.csv", csv, null);

        assertThat(r.problems()).hasSize(ImportReport.SHOWN);
        assertThat(r.problemCount()).isEqualTo(250);
        assertThat(r.notes()).contains("and 150 more problems not listed (InternetAccessInResidence 150)");
        assertThat(r.measures()).isEmpty();
        assertThat(r.withheld()).isEmpty();
    }

    @Test
    void readsLocalColumnsAndAnswersThroughAMappingFile() {
        SurveyImport survey = SurveyImport.withMapping("district.mapping.yaml", """
                source: Fall 2025 family survey
                year: 2025
                columns:
                  InternetAccessInResidence: "Do you have internet at home?"
                  DigitalDevice: Device
                  LowIncome: FRL
                answers:
                  InternetAccessInResidence:
                    "Yes, reliable": "Yes"
                    "No, too expensive": No - Not Affordable
                  DigitalDevice:
                    Phone only: smartphone
                  LowIncome: { F: "Yes", R: "Yes", P: "No" }
                """);
        String csv = "Student ID,Do you have internet at home?,Device,FRL\n"
                + "1,\"Yes, reliable\",Laptop,P\n".repeat(10)
                + "2,\"No, too expensive\",Phone only,F\n".repeat(4)
                + "3,\"No, too expensive\",Phone only,R\n".repeat(8);

        ImportReport r = read(survey, "fall.csv", csv, null);

        assertThat(r.problems()).isEmpty();
        assertThat(value(r, "GM-01", "all")).as("12 of 22").isEqualTo(54.5);
        assertThat(value(r, "GM-04b", "all")).isEqualTo(100.0);
        assertThat(value(r, "GM-05", "all")).as("12 phones of 22").isEqualTo(54.5);
        assertThat(value(r, "GM-01", "low-income")).as("F and R are low-income: 12 of 12").isEqualTo(100.0);
        assertThat(figure(r, "GM-01", "all").orElseThrow().source()).isEqualTo("Fall 2025 family survey");
        assertThat(figure(r, "GM-01", "all").orElseThrow().year()).isEqualTo(2025);
        assertThat(r.notes().get(0)).isEqualTo("columns read: InternetAccessInResidence ('Do you have internet at home?'), DigitalDevice ('Device'), "
                + "LowIncome ('FRL')");
    }

    @Test
    void readsTheShippedExampleSurveyThroughItsMapping() {
        SurveyImport survey = SurveyImport.withMapping(Path.of("docs/examples/family-survey.mapping.yaml"));

        ImportReport r = survey.read(Path.of("docs/examples/family-survey.csv"), 40);

        // The thirty students of THIRTY with two more in the first block: 12 connected with a school Chromebook.
        assertThat(r.problems()).isEmpty();
        assertThat(r.rowsUsed()).isEqualTo(32);
        assertThat(value(r, "GM-01", "all")).as("10 offline of 32").isEqualTo(31.3);
        assertThat(value(r, "GM-03", "all")).as("10 of the 22 connected").isEqualTo(45.5);
        assertThat(value(r, "GM-04b", "all")).as("'Too expensive': 6 of 10").isEqualTo(60.0);
        assertThat(value(r, "GM-08", "all")).as("32 of 40").isEqualTo(80.0);
        assertThat(value(r, "GM-01", "school:Lincoln Elementary")).as("6 of 18").isEqualTo(33.3);
        assertThat(figure(r, "GM-01", "all").orElseThrow().source()).isEqualTo("Fall 2025 family survey");
    }

    @Test
    void reportsEachProblemOfAMappingFileWithItsLine() {
        InputException e = catchThrowableOfType(InputException.class, () -> SurveyImport.withMapping("bad.mapping.yaml", """
                columns:
                  InternetAcess: Q1
                  DigitalDevice: [a, b]
                answers:
                  InternetAccessInResidence:
                    "Yes!": Perhaps
                colums: {}
                """));

        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "bad.mapping.yaml:2: columns.InternetAcess: 'InternetAcess' is not a question or group column: use one of InternetAccessInResidence, "
                        + "BarrierToInternetAccessInResidence, InternetAccessTypeInResidence, InternetPerformance, DigitalDevice, PrimaryLearningDeviceProvider, "
                        + "PrimaryLearningDeviceAccess, LowIncome, EnglishLearner, Disability, Homeless, Migrant, Race, School",
                "bad.mapping.yaml:3: columns.DigitalDevice: expected the column's name as it is written in the CSV header",
                "bad.mapping.yaml:6: answers.InternetAccessInResidence.Yes!: 'Perhaps' is not a standard answer to InternetAccessInResidence: use one of "
                        + "Yes, No, No - Not Available, No - Not Affordable, No - Not Desired, No - Other",
                "bad.mapping.yaml:7: colums: unknown field 'colums' (expected one of answers, columns, source, year)");
    }

    @Test
    void withholdsAGroupsFigureWhenTheRestOfTheDistrictIsFewerThanTen() {
        String csv = "InternetAccessInResidence,LowIncome\n" + "No,Y\n".repeat(12) + "Yes,N\n".repeat(8);

        ImportReport r = read(SurveyImport.standard(), "s.csv", csv, null);

        assertThat(value(r, "GM-01", "all")).isEqualTo(60.0);
        assertThat(figure(r, "GM-01", "low-income")).as("district 12 of 20 and low-income 12 of 12 would show the other 8").isEmpty();
        assertThat(r.withheld()).containsExactly("GM-01 for group low-income: the rest of the district counts fewer than 10 students, who could be "
                + "worked out from the district's figure");
    }

    @Test
    void namesTheMappingLineOfAColumnTheSurveyDoesNotHave() {
        SurveyImport survey = SurveyImport.withMapping("m.yaml", "columns:\n  InternetAccessInResidence: Q1\n  LowIncome: FRL status\n");

        InputException e = catchThrowableOfType(InputException.class, () -> read(survey, "s.csv", "Q1,FRL\nYes,Y\n", null));

        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "m.yaml:3: columns.LowIncome: there is no column 'FRL status' in s.csv (its columns: Q1, FRL)");
    }

    @Test
    void refusesAFileWithNoneOfTheQuestionsAndSaysHowToMapIt() {
        InputException e = catchThrowableOfType(InputException.class, () -> read(SurveyImport.standard(), "roster.csv", "id,grade,FRL\n1,3,Y\n", null));

        assertThat(e.getMessage()).contains("roster.csv:1: none of the home-access questions is a column here", "--mapping");
    }

    @Test
    void reportsCellsThatAreNotUtf8ByLineAndColumn(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("latin1.csv");
        Files.write(file, (HEADER + "Yes,,None,,None,,,N,N,White,North\n" + "Yes,,None,,None,,,N,N,White,Peña\n").getBytes(StandardCharsets.ISO_8859_1));

        ImportReport r = SurveyImport.standard().read(file, null);

        assertThat(r.problems()).extracting(Problem::toString).containsExactly(file + ":3: School: is not UTF-8 text: save the file as \"CSV UTF-8\"");
        assertThat(r.rowsUsed()).isEqualTo(1);
    }

    @Test
    void leavesCoverageOutWhenThereAreMoreAnswersThanStudents() {
        ImportReport r = read(SurveyImport.standard(), "survey.csv", THIRTY, 25);

        assertThat(figure(r, "GM-08", "all")).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("GM-08 (coverage) not computed: 30 students answered but the enrolment is 25"));
    }

    @Test
    void readsEdFiDescriptorUrisAndStandardSpellingsInAnyCase() {
        String csv = "InternetAccessInResidence,InternetAccessTypeInResidence\n"
                + "uri://ed-fi.org/InternetAccessInResidence#No,uri://ed-fi.org/InternetAccessTypeInResidenceDescriptor#None\n".repeat(5)
                + "TRUE,community provided wifi\n".repeat(5);

        ImportReport r = read(SurveyImport.standard(), "uris.csv", csv, null);

        assertThat(r.problems()).isEmpty();
        assertThat(value(r, "GM-01", "all")).isEqualTo(50.0);
    }

    @Test
    void writesNoStudentLevelDataIntoTheFigures() {
        ImportReport r = read(SurveyImport.standard(), "survey.csv", THIRTY, 40);

        assertThat(r.measures()).allSatisfy(m -> assertThat(m.n()).isGreaterThanOrEqualTo(10));
        assertThat(List.of(r.toString())).noneMatch(s -> s.contains("Laptop Computer"));
    }
}
