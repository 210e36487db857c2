package org.equityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, where output goes, and messages instead of stack traces. */
class CliTest {

    private static final String RULES = Fixtures.FIXTURE_RULES.toString();
    private static final String DISTRICT = """
            district:
              name: Riverbend Unified
              enrollment: 4200
            answers:
              SA-ACC-07: 1
            measures:
              - { metric: GM-01, value: 2.5 }
              - { metric: GM-01, group: low-income, value: 14, n: 812, source: 2025 family survey }
            """;

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private static Run run(String... args) {
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

    @Test
    void advisesInTextByDefault() {
        Run run = run("advise", file("d.yaml", DISTRICT).toString(), "--rules", RULES);

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Equity Advisor: Riverbend Unified", "Every student has a reliable, affordable home connection",
                "14% of low-income students have no home internet");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void writesOnlyTheAdviceJsonToStdout() throws Exception {
        Run run = run("advise", file("d.yaml", DISTRICT).toString(), "--rules", RULES, "--format", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(run.code()).isZero();
        assertThat(json.get("ruleSet").asText()).startsWith("sha256:");
        assertThat(json.get("goals").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(json.get("goals").get(0).get("because").get(0).has("sources")).isTrue();
    }

    @Test
    void comparesADistrictOfThePublicFiguresWithSimilarDistricts() throws Exception {
        Path starter = tmp.resolve("chinle.yaml");
        assertThat(run("init", "--nces", "0401940", "--out", starter.toString()).code()).isZero();

        Run text = run("advise", starter.toString(), "--rules", RULES);
        JsonNode json = new ObjectMapper().readTree(run("advise", starter.toString(), "--rules", RULES, "--format", "json").out());

        assertThat(text.out().replaceAll("\\s+", " ")).contains("similar districts: median", "districts nationwide with");
        assertThat(json.get("peers").get("districts").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(json.get("peers").get("below").asInt() * 4).as("Chinle, 70%, lags three in four of its peers")
                .isGreaterThanOrEqualTo(json.get("peers").get("districts").asInt() * 3);
    }

    @Test
    void writesMarkdown() {
        Run run = run("advise", file("d.yaml", DISTRICT).toString(), "--rules", RULES, "--format", "markdown");

        assertThat(run.out()).startsWith("# Digital equity advice: Riverbend Unified").contains("## Findings", "### 1. ");
    }

    @Test
    void exitsTwoNamingTheFieldOnBadInput() {
        Run run = run("advise", file("bad.yaml", DISTRICT.replace("SA-ACC-07: 1", "SA-ACC-07: 7")).toString(), "--rules", RULES);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("answers.SA-ACC-07: level 7 is outside 1..4");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void exitsTwoOnMalformedJson() {
        Run run = run("advise", file("bad.json", "{\"district\": {\"name\": \"X\"").toString(), "--rules", RULES);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("bad.json:1:", "malformed JSON");
    }

    @Test
    void exitsTwoOnAMissingFileAndOnUnknownOptions() {
        assertThat(run("advise", "nowhere.yaml", "--rules", RULES)).satisfies(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("nowhere.yaml: no such file");
        });
        assertThat(run("advise", "--colour").code()).isEqualTo(2);
        assertThat(run("advise", file("d.yaml", DISTRICT).toString(), "--format", "pdf", "--rules", RULES).err()).contains("'pdf' is not a format");
    }

    @Test
    void checksAGoodRuleSet() {
        Run run = run("rules", "check", "--rules", RULES);

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("OK ").contains("4 actions", "Rule set sha256:");
    }

    @Test
    void rulesCheckTimingsPrintsTheCostOfTheBytecodeCheckInACompileAndACachedLoad() {
        Run check = run("rules", "check", "--rules", Fixtures.FIXTURE_RULES.toString(), "--timings", "1");

        assertThat(check.code()).isZero();
        assertThat(check.out()).containsPattern("Fresh compile, median of 1: [0-9.]+ ms, of which the bytecode check [0-9.]+ ms")
                .containsPattern("Cached load, +median of 1: [0-9.]+ ms, of which the bytecode check [0-9.]+ ms");
    }

    @Test
    void exitsOneListingEachProblemWhenTheRulesCallSystemExit() {
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp);
        Fixtures.write(rules.resolve("evil.drl"), """
                package org.equityadvisor.rules;
                import org.equityadvisor.model.*;
                rule "Quit"
                    @source("OET-ADEA-2022") @divide("ACCESS")
                    agenda-group "suggest"
                when
                    $g : Gap()
                then
                    System.exit(0);
                end
                """);

        Run check = run("rules", "check", "--rules", rules.toString());
        Run advise = run("advise", file("d.yaml", DISTRICT).toString(), "--rules", rules.toString());

        assertThat(check.code()).isEqualTo(1);
        assertThat(check.err()).contains("evil.drl:9: rule \"Quit\" calls java.lang.System.exit(): rules may not start processes or stop the program")
                .endsWith("1 problem in " + rules + "\n");
        assertThat(advise.code()).isEqualTo(1);
        assertThat(advise.err()).contains("cannot be used", "evil.drl:9: rule \"Quit\" calls java.lang.System.exit()");
    }

    @Test
    void testsScenariosAndEndsWithTheCount() {
        Path scenarios = tmp.resolve("scenarios");
        Fixtures.write(scenarios.resolve("a-pass.yaml"), DISTRICT + """
                expect:
                  suggest: [AS-09, { id: AS-16, rule: "Suggest a help desk when family tech support is weak" }]
                  notSuggest: [AS-90]
                """);
        Fixtures.write(scenarios.resolve("b-fail.yaml"), DISTRICT + "expect:\n  notSuggest: [AS-09]\n");

        Run run = run("rules", "test", "--rules", RULES, "--scenarios", scenarios.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("PASS a-pass", "FAIL b-fail", "expected AS-09 not to be suggested; it was");
        assertThat(run.lastLine()).isEqualTo("1 passed, 1 failed");
    }

    @Test
    void failsAnEmptyRunAndReportsCoverage() {
        Path scenarios = tmp.resolve("empty");
        Fixtures.write(scenarios.resolve("notes.txt"), "no scenarios here");

        Run run = run("rules", "test", "--rules", RULES, "--scenarios", scenarios.toString(), "--coverage");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("a run that tests nothing fails", "Rules that no scenario fired");
        assertThat(run.lastLine()).isEqualTo("0 passed, 0 failed");
    }

    @Test
    void explainsTheTraceBehindOneSuggestion() {
        Run run = run("explain", file("d.yaml", DISTRICT).toString(), "--rules", RULES, "--suggestion", "AS-90");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("[detect] Gap: a group's figure is past its metric's threshold",
                "[suggest] Suggest enrollment help when students lack home internet",
                "AS-90  dropped: depends on the Affordable Connectivity Program, which ended on 2024-06-01");
    }

    @Test
    void draftsChecksAndExportsAPlan() throws Exception {
        String scenario = Fixtures.SCENARIOS.resolve("riverbend-rural-high-poverty.yaml").toString();
        Path plan = tmp.resolve("plan.json");

        Run draft = run("plan", "draft", scenario, "--top", "3", "--out", plan.toString());
        assertThat(draft.code()).isZero();
        assertThat(draft.out()).startsWith("Wrote " + plan + ": 4 goals");

        Run check = run("plan", "check", plan.toString());
        assertThat(check.code()).isZero();
        assertThat(check.out()).contains("MET      At least 3 goals: 4 goals");
        assertThat(check.lastLine()).matches("(\\d+) of \\1 criteria met, \\d+ warnings?");

        Path pdf = tmp.resolve("plan.pdf");
        Run export = run("plan", "export", plan.toString(), "--format", "pdf", "--out", pdf.toString());
        assertThat(export.code()).isZero();
        assertThat(java.nio.file.Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
        assertThat(run("plan", "export", plan.toString(), "--format", "md").out()).contains("## Part 2. Goals");
    }

    @Test
    void aPlanShortOfTheRubricFailsItsCheckWithTheReason() {
        String scenario = Fixtures.SCENARIOS.resolve("riverbend-rural-high-poverty.yaml").toString();
        Path plan = tmp.resolve("plan.json");
        run("plan", "draft", scenario, "--accept", "G-CONNECT", "--out", plan.toString());

        Run check = run("plan", "check", plan.toString());

        assertThat(check.code()).isEqualTo(Main.FINDINGS);
        assertThat(check.out()).contains("NOT MET  At least 3 goals: only 2 goals; the CoSN plan asks for three or more");
    }

    @Test
    void badPlanInputEndsInAClearMessageAndExitTwo() {
        String scenario = Fixtures.SCENARIOS.resolve("riverbend-rural-high-poverty.yaml").toString();

        assertThat(run("plan", "draft", scenario, "--accept", "G-NOPE").err()).contains("G-NOPE was not suggested");
        Run broken = run("plan", "check", file("plan.json", "{ \"title\": \"x\", \"goals\": [ { \"id\": 3, \"steps\": {} } ] }").toString());
        assertThat(broken.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(broken.err()).contains("plan.json:1:").contains("goals[0].steps").contains("expected a list");
        Run format = run("plan", "export", file("p2.json", "{}").toString(), "--format", "odt");
        assertThat(format.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(format.err()).contains("'odt' is not one of md, json, docx, pdf");
        assertThat(run("plan", "draft", scenario).code()).isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void planDraftRefusesAPlanStartInYear999999999WithExitTwoLikeAdvise() {
        Path far = file("far.yaml", DISTRICT.replace("  enrollment: 4200\n", "  enrollment: 4200\n  planStart: +999999999-12-31\n"));

        Run draft = run("plan", "draft", far.toString(), "--top", "3", "--rules", RULES);
        Run advise = run("advise", far.toString(), "--rules", RULES);

        assertThat(draft.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(draft.err()).contains(far + ":4: district.planStart: +999999999-12-31 is after 2100-12-31");
        assertThat(advise.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(advise.err()).isEqualTo(draft.err());
        Run start = run("plan", "draft", file("d.yaml", DISTRICT).toString(), "--top", "3", "--start", "2200-01-01", "--rules", RULES);
        assertThat(start.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(start.err()).contains("start: 2200-01-01 is after 2090-12-31");
    }

    @Test
    void stepsAndPartnersAreAcceptedAndRemovedFromTheCommandLine() {
        String scenario = Fixtures.SCENARIOS.resolve("riverbend-rural-high-poverty.yaml").toString();
        Path plan = tmp.resolve("plan.json");
        run("plan", "draft", scenario, "--accept", "G-CONNECT", "--out", plan.toString());

        Run accept = run("plan", "accept", plan.toString(), "--goal", "G-CONNECT", "--partner", "PT-04");
        Run own = run("plan", "accept", plan.toString(), "--goal", "G-CONNECT", "--own-partner", "Riverbend Library", "--role", "Lends hotspots");
        Run remove = run("plan", "remove", plan.toString(), "--goal", "G-CONNECT", "--action", "AS-09");
        Run wrong = run("plan", "remove", plan.toString(), "--goal", "G-CONNECT", "--action", "AS-09");

        assertThat(accept.out()).startsWith("Accepted partner PT-04 of G-CONNECT; wrote " + plan);
        assertThat(remove.code()).isZero();
        var edited = org.equityadvisor.plan.PlanFile.read("plan", org.equityadvisor.imports.AssessmentReader.text(plan));
        var connect = edited.goals().stream().filter(g -> g.id().equals("G-CONNECT")).findFirst().orElseThrow();
        assertThat(connect.partners()).anyMatch(p -> p.id().equals("PT-04"));
        assertThat(own.out()).startsWith("Accepted partner Riverbend Library of G-CONNECT");
        assertThat(connect.partners()).contains(new org.equityadvisor.model.PlanPartner("OWN-RIVERBEND-LIBRARY", "Riverbend Library", "Lends hotspots"));
        assertThat(connect.steps()).noneMatch(s -> s.id().equals("AS-09"));
        assertThat(wrong.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(wrong.err()).contains("AS-09 is not a step of G-CONNECT");
    }

    @Test
    void versionNamesTheRuleSetItWouldUse() {
        Run run = run("--version");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("equity-advisor ")
                .contains("rules in ./rules: " + org.equityadvisor.knowledge.KnowledgeBase.hashOf(Path.of("rules")));
    }

    @Test
    void completionScriptCoversEveryCommand() {
        Run run = run("completion");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("complete -F", "advise", "explain", "plan", "rules", "serve", "--format");
    }
}
