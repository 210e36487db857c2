package org.equityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan status, actual, due, review, report and rollup as a leader types them. */
class ProgressCliTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        assertThat(out + err.toString()).as("users never see a stack trace").doesNotContain("\tat org.", "Exception in thread");
        return new Run(code, out.toString(), err.toString());
    }

    private Path plan() throws Exception {
        Path plan = tmp.resolve("plans").resolve("riverbend.json");
        Files.createDirectories(plan.getParent());
        Files.copy(Path.of("src/test/resources/progress/round1-plan.json"), plan);
        return plan;
    }

    @Test
    void aLeaderUpdatesStepsAndFiguresSeesWhatIsDueAndWritesTheReport() throws Exception {
        Path plan = plan();
        String p = plan.toString();

        assertThat(run("plan", "status", p, "--goal", "G-CONNECT", "--step", "AS-09", "--set", "done", "--by", "Ana Ruiz", "--on", "2027-04-02").out())
                .contains("Step AS-09 of G-CONNECT is now done");
        Run blocked = run("plan", "status", p, "--goal", "G-CONNECT", "--step", "AS-13", "--set", "blocked");
        assertThat(blocked.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(blocked.err()).contains("note: is required for a blocked step");
        Run wrong = run("plan", "status", p, "--goal", "G-CONNECT", "--step", "AS-13", "--set", "finished");
        assertThat(wrong.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(wrong.err()).contains("'finished' is not a step status").contains("not-started, in-progress, done, blocked");

        Run actual = run("plan", "actual", p, "--outcome", "GM-01", "--goal", "G-CONNECT", "--value", "7.5", "--date", "2027-07-12", "--n", "3900",
                "--source", "summer survey", "--by", "Ana Ruiz", "--rules", "rules");
        assertThat(actual.code()).isZero();
        assertThat(actual.out()).contains("Students without home internet: 7.5 on 2027-07-12").contains("on track");
        assertThat(Files.readString(plan)).contains("\"status\" : \"done\"").contains("\"source\" : \"summer survey\"");

        Run due = run("plan", "due", p, "--as", "family engagement lead", "--on", "2027-08-01", "--rules", "rules");
        assertThat(due.code()).as("something is overdue").isEqualTo(Main.FINDINGS);
        assertThat(due.out()).contains("OVERDUE  2027-07-10  Family engagement lead  G-ADOPT AS-17").doesNotContain("Chief technology officer");
        assertThat(run("plan", "due", p, "--as", "Janitor", "--rules", "rules").err()).contains("its owners are");
        Run ics = run("plan", "due", p, "--format", "ics", "--on", "2027-08-01", "--rules", "rules");
        assertThat(ics.out()).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:riverbend-json-g-adopt-step-as-17@equity-advisor");

        Path report = tmp.resolve("report.pdf");
        Run pdf = run("plan", "report", p, "--format", "pdf", "--out", report.toString(), "--on", "2027-12-31", "--rules", "rules");
        assertThat(pdf.out()).contains("Wrote " + report);
        assertThat(Files.readAllBytes(report)).startsWith("%PDF".getBytes());
        assertThat(run("plan", "report", p, "--format", "docx", "--rules", "rules").err()).contains("--out").contains("is required for docx");
    }

    @Test
    void rollupWritesTheStatesFieldsAsCsvAndNamesWhatItLeftOut() throws Exception {
        Path plan = plan();
        Run csv = run("rollup", plan.getParent().toString(), "--state", "CA", "--format", "csv", "--on", "2027-08-01", "--rules", "rules");
        assertThat(csv.code()).isZero();
        assertThat(csv.out()).startsWith("state,as_of,field,kind,title,districts").contains("CA,2027-08-01,OBJ-BROADBAND,objective,");
        assertThat(csv.err()).contains("Rolled up 1 plans of CA");
        Run other = run("rollup", plan.getParent().toString(), "--state", "OR", "--format", "json", "--rules", "rules");
        assertThat(other.out()).contains("\"plans\" : 0").contains("\"plansOfOtherStates\" : 1");
        assertThat(run("rollup", plan.toString(), "--state", "California", "--rules", "rules").code()).isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void reviewShowsWhatTheNewAssessmentChangedAndAcceptRecordsIt() throws Exception {
        Path plan = plan();
        String newer = Files.readString(Path.of("scenarios/riverbend-rural-high-poverty.yaml"))
                .replace("{ metric: GM-01, value: 12,", "{ metric: GM-01, value: 2,")
                .replace("{ metric: GM-01, group: low-income, value: 16.5,", "{ metric: GM-01, group: low-income, value: 2.5,");
        Path assessment = tmp.resolve("riverbend-2028.yaml");
        Files.writeString(assessment, newer);

        Run review = run("plan", "review", plan.toString(), assessment.toString(), "--rules", "rules");
        assertThat(review.code()).isZero();
        assertThat(review.out()).contains("Gaps closed (").contains("Outcomes achieved (").contains("G-CONNECT GM-01").contains("--accept");
        Run accepted = run("plan", "review", plan.toString(), "--assessment", assessment.toString(), "--accept", "--on", "2028-01-15", "--by", "Dana",
                "--rules", "rules");
        assertThat(accepted.out()).contains("Accepted: the new figures are recorded");
        assertThat(Files.readString(plan)).contains("\"date\" : \"2028-01-15\"").contains("\"who\" : \"Dana\"");
    }
}
