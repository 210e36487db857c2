package org.equityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init and import as a district leader or a state coordinator meets them: files written, what stderr says, exit codes. */
class ImportCliTest {

    static final String RULES = Fixtures.BUNDLED_RULES.toString();

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        assertThat(out + err.toString()).as("users never see a stack trace").doesNotContain("\tat org.", "Exception in thread");
        return new Run(code, out.toString(), err.toString());
    }

    private Path file(String name, String text) {
        Path file = tmp.resolve(name);
        Fixtures.write(file, text);
        return file;
    }

    private String path(String name) {
        return tmp.resolve(name).toString();
    }

    @Test
    void startsADistrictFromItsPublicFiguresAndTheAdviceCitesThem() throws Exception {
        Run init = run("init", "--nces", "0622710", "--out", path("la.yaml"), "--rules", RULES);

        assertThat(init.code()).isZero();
        assertThat(init.err()).contains("Wrote " + path("la.yaml") + ": Los Angeles Unified School District (CA), 724,446 children aged 5-17, 22.4% in poverty, "
                + "17.5% ±0.5 without a computer or broadband.");
        String yaml = Files.readString(tmp.resolve("la.yaml"));
        assertThat(yaml).contains("name: \"Los Angeles Unified School District\"", "id: \"0622710\"", "lowIncomePct: 22.4", "value: 17.5", "moe: 0.5",
                "kind: estimate", "year: 2018", "Urban Institute", "# SA-DES-05:");
        Run advise = run("advise", path("la.yaml"), "--rules", RULES);
        assertThat(advise.code()).isZero();
        assertThat(advise.out()).contains("17.5% of children living in the district's area have no home internet", "ACS 2014-2018 estimate (Urban Institute)");
    }

    @Test
    void writesACommentedStarterWithoutPublicFigures() throws Exception {
        Run init = run("init", "--name", "Riverbend Unified", "--out", path("starter.yaml"), "--rules", RULES);

        assertThat(init.code()).isZero();
        String yaml = Files.readString(tmp.resolve("starter.yaml"));
        assertThat(yaml).contains("name: \"Riverbend Unified\"", "# SA-ACC-01:", "# Home-access data", "#   GM-08  Home-access data coverage");
        assertThat(run("advise", path("starter.yaml"), "--rules", RULES).out()).contains("There is no figure yet for students without home internet");
    }

    @Test
    void starterPointsEditorsAtTheSchemaWrittenBesideIt() throws Exception {
        Run init = run("init", "--name", "Riverbend Unified", "--out", path("starter.yaml"), "--rules", RULES);

        assertThat(Files.readString(tmp.resolve("starter.yaml"))).startsWith("# yaml-language-server: $schema=assessment.schema.json\n");
        assertThat(Files.readString(tmp.resolve("assessment.schema.json"))).contains("\"SA-ACC-01\"", "\"GM-01\"");
        assertThat(init.err()).contains("assessment.schema.json");
    }

    @Test
    void refusesUnknownPlaceholderAndMalformedIds() {
        assertThat(run("init", "--nces", "0401230", "--out", path("a.yaml"), "--rules", RULES).err())
                .contains("counts no children aged 5-17 for Blue Elementary District (a placeholder row)");
        Run unknown = run("init", "--nces", "9999999", "--out", path("a.yaml"), "--rules", RULES);
        assertThat(unknown.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(unknown.err()).contains("9999999 is not in the public figures");
        assertThat(run("init", "--nces", "612345", "--out", path("a.yaml"), "--rules", RULES).err()).contains("'612345' is not a 7-digit NCES LEA id");
        assertThat(tmp.resolve("a.yaml")).doesNotExist();
    }

    @Test
    void keepsTheDistrictsOwnFigureOverThePublicEstimateAndTheAdviceSaysWhichItUsed() throws Exception {
        Path own = file("own.yaml", """
                district: { name: LA Unified, lowIncomePct: 80 }
                answers: { SA-ACC-01: 3 }
                measures:
                  - { metric: GM-01, value: 6, n: 410000, year: 2025, source: 2025 registration survey, kind: survey }
                """);

        Run init = run("init", "--nces", "0622710", "--district", own.toString(), "--out", own.toString(), "--rules", RULES);

        assertThat(init.code()).isZero();
        assertThat(init.err()).contains("Merge: kept the district's own GM-01 (6) over the estimate from the public figures", "Merge: kept the district's own "
                + "lowIncomePct (80) over 22.4");
        String yaml = Files.readString(own);
        assertThat(yaml).contains("name: \"LA Unified\"", "id: \"0622710\"", "SA-ACC-01: 3", "value: 6\n",
                "source: \"2025 registration survey; used instead of 17.5 from ACS 2014-2018 estimate (Urban Institute)\"");
        assertThat(run("advise", own.toString(), "--rules", RULES).out().replaceAll("\\s+", " ")).contains("6% of students have no home internet",
                "2025 registration survey; used instead of 17.5 from ACS 2014-2018 estimate (Urban Institute)");
    }

    @Test
    void neverWritesOverAFileItWasNotAskedToMergeInto() throws Exception {
        Path existing = file("a.yaml", "district: { name: Keep me }\n");

        Run run = run("init", "--nces", "0622710", "--out", existing.toString(), "--rules", RULES);

        assertThat(run.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("exists already: pass it as --district");
        assertThat(Files.readString(existing)).isEqualTo("district: { name: Keep me }\n");
    }

    static final String SURVEY = "InternetAccessInResidence,DigitalDevice,LowIncome\n"
            + "Yes,Laptop Computer,N\n".repeat(15)
            + "No - Not Affordable,Smartphone,Y\n".repeat(5)
            + "Perhaps,Laptop Computer,N\n";

    @Test
    void importsASurveySaysWhatItSkippedAndExitsOneForTheSkippedRow() throws Exception {
        Path csv = file("survey.csv", SURVEY);

        Run run = run("import", "survey", csv.toString(), "--name", "Riverbend Unified", "--enrollment", "25", "--year", "2026", "--out", path("r.yaml"),
                "--rules", RULES);

        assertThat(run.code()).as(run.err()).isEqualTo(Main.FINDINGS);
        assertThat(run.err()).contains(csv + ": 21 rows read, 20 used, 1 skipped for problems",
                csv + ":22: InternetAccessInResidence: 'Perhaps' is not an answer",
                "group low-income: fewer than 10 answers, so none of its figures is reported",
                "Wrote " + path("r.yaml") + ": 4 figures for the district, 0 for 0 groups.");
        String yaml = Files.readString(tmp.resolve("r.yaml"));
        assertThat(yaml).contains("enrollment: 25", "value: 25\n", "n: 20", "kind: survey", "source: \"home-access survey (survey.csv)\"", "year: 2026");
        assertThat(run("advise", path("r.yaml"), "--rules", RULES).out()).contains("25% of students have no home internet",
                "data covers 80% of students");
    }

    @Test
    void replacesAnOlderFigureWhenASurveyIsMergedAndSaysSo() throws Exception {
        Path district = file("d.yaml", "district: { name: Riverbend Unified, enrollment: 25 }\nmeasures:\n  - { metric: GM-01, value: 30, source: 2024 count }\n");

        Run run = run("import", "survey", file("s.csv", SURVEY.replace("Perhaps", "Yes")).toString(), "--district", district.toString(), "--out",
                path("merged.yaml"), "--rules", RULES);

        assertThat(run.code()).isZero();
        assertThat(run.err()).contains("Merge: replaced GM-01 (30, 2024 count) with 23.8 from the survey s.csv");
        assertThat(Files.readString(tmp.resolve("merged.yaml"))).contains("source: \"home-access survey (s.csv); replaces 30 (2024 count)\"");
        assertThat(Files.readString(district)).as("the district file itself is untouched").contains("value: 30");
    }

    @Test
    void namesTheLineOfABadMappingFileAndExitsTwo() {
        Path mapping = file("m.yaml", "columns:\n  InternetAccess: Q1\n");

        Run run = run("import", "survey", file("s.csv", SURVEY).toString(), "--mapping", mapping.toString(), "--name", "R", "--out", path("r.yaml"),
                "--rules", RULES);

        assertThat(run.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains(mapping + ":2: columns.InternetAccess: 'InternetAccess' is not a question or group column");
        assertThat(tmp.resolve("r.yaml")).doesNotExist();
    }

    @Test
    void asksForTheDistrictWhenAnImportHasNone() {
        Run run = run("import", "survey", file("s.csv", SURVEY).toString(), "--out", path("r.yaml"), "--rules", RULES);

        assertThat(run.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("give the district: --district FILE (an assessment to merge into) or --name NAME");
    }

    @Test
    void importsEdFiRecordsFromAFile() throws Exception {
        String record = "{\"internetAccessInResidence\":false,\"barrierToInternetAccessInResidenceDescriptor\":"
                + "\"uri://ed-fi.org/BarrierToInternetAccessInResidenceDescriptor#Not Available\"}";
        String connected = "{\"internetAccessInResidence\":true}";
        Path json = file("seoa.json", "[" + String.join(",", java.util.Collections.nCopies(10, record)) + ","
                + String.join(",", java.util.Collections.nCopies(30, connected)) + "]");

        Run run = run("import", "edfi", json.toString(), "--name", "Riverbend Unified", "--out", path("e.yaml"), "--rules", RULES);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readString(tmp.resolve("e.yaml"))).contains("metric: GM-01", "value: 25\n", "metric: GM-04a", "value: 100\n");
    }

    @Test
    void asksForCredentialsToPullFromAnApi() {
        Run run = run("import", "edfi", "--api", "http://127.0.0.1:9/api", "--name", "R", "--out", path("e.yaml"), "--rules", RULES);

        assertThat(run.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("--api: needs --client-id and a secret");
    }

    @Test
    void writesOneAssessmentPerDistrictOfAStateCollectionAndNamesTheRejectedRow() throws Exception {
        Path csv = file("state.csv", "RCDTS,District Name,PreK-12,Low Income,\"How many students are NOT able to connect to the internet from their home?\","
                + "\"1. Is your district one-to-one at all grade levels? For this survey...\",Number of Devices for Students\n"
                + "10010010260000,Payson CUSD 1,513,222,281,No,425\n"
                + "10010040260000,CUSD 4,669,<10,<10,YES,700\n"
                + "10010050260000,,400,10,10,No,300\n");

        Run run = run("import", "state", csv.toString(), "--mapping", "docs/examples/illinois-2020-21.mapping.yaml", "--out", path("il"), "--rules", RULES);

        assertThat(run.code()).isEqualTo(Main.FINDINGS);
        assertThat(run.err()).contains("Rejected state.csv:4 (10010050260000): no district name in column 'District Name'",
                ": 3 district rows, 2 assessments, 1 rejected");
        String payson = Files.readString(tmp.resolve("il/10010010260000.yaml"));
        assertThat(payson).contains("Payson CUSD 1: row 10010010260000 of state.csv (line 2), ISBE Report of School Tech 2020-21.", "value: 54.8",
                "lowIncomePct: 43.3");
        assertThat(Files.readString(tmp.resolve("il/10010040260000.yaml"))).contains("# Not given: GM-01: suppressed by the state ('<10'",
                "inPlace: [\"AS-04\"]", "studentDevices: 700");
        assertThat(run("advise", path("il/10010010260000.yaml"), "--rules", RULES).out()).contains("54.8% of students have no home internet");
    }
}
