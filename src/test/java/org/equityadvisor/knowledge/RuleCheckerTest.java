package org.equityadvisor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.equityadvisor.model.Problem;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule checker refuses what would make a shared rule set unsafe, unexplained or untraceable. */
class RuleCheckerTest {

    private static final String HEAD = "package org.equityadvisor.rules;\n\nimport org.equityadvisor.model.*;\n\n";

    @TempDir
    Path tmp;

    private List<String> problemsWith(String file, String text) {
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp);
        Fixtures.write(rules.resolve(file), text);
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> KnowledgeBase.load(rules));
        assertThat(e).as("the rule set should be refused").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static String rule(String name, String meta, String when, String then) {
        return "rule \"" + name + "\"\n" + meta + "    agenda-group \"suggest\"\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    private static final String META = "    @source(\"OET-ADEA-2022\")\n    @divide(\"ACCESS\")\n";

    @Test
    void acceptsTheFixtureRuleSet() {
        KnowledgeBase kb = Fixtures.fixture();
        assertThat(kb.rules()).extracting(RuleInfo::name).contains("Suggest a help desk when family tech support is weak");
        assertThat(kb.rule("Suggest a help desk when family tech support is weak")).get().satisfies(r -> {
            assertThat(r.file()).isEqualTo("access.drl");
            assertThat(r.stage()).isEqualTo("suggest");
            assertThat(r.sources()).containsExactly("OET-ADEA-2022");
            assertThat(r.suggests()).containsExactly("AS-16");
        });
    }

    @Test
    void refusesARuleWithoutSourceOrDivide() {
        List<String> problems = problemsWith("extra.drl", HEAD + rule("Bare rule", "", "$g : Gap()", "insert(new Suggestion(\"AS-09\"));"));

        assertThat(problems).contains(
                "extra.drl:5: rule \"Bare rule\" has no @source: every rule cites the document it comes from (ids in sources.yaml)",
                "extra.drl:5: rule \"Bare rule\" has no @divide: say which divide it serves (ACCESS, USE, DESIGN)");
    }

    @Test
    void refusesASourceThatSourcesYamlDoesNotDefine() {
        List<String> problems = problemsWith("extra.drl", HEAD + rule("Cites a ghost", "    @source(\"NOBODY-2030\")\n    @divide(\"ACCESS\")\n",
                "$g : Gap()", "insert(new Suggestion(\"AS-09\"));"));

        assertThat(problems).containsExactly("extra.drl:5: rule \"Cites a ghost\" cites @source NOBODY-2030, which sources.yaml does not define");
    }

    @Test
    void refusesASuggestionOfAnIdTheCatalogDoesNotDefine() {
        List<String> problems = problemsWith("extra.drl", HEAD + rule("Suggests a ghost", META, "$g : Gap()", "insert(new Suggestion(\"AS-99\"));"));

        assertThat(problems).contains("extra.drl:12: rule \"Suggests a ghost\" suggests AS-99, which is not an action (catalog/actions.yaml) or partner (catalog/partners.yaml)");
    }

    @Test
    void refusesARuleThatCallsSystemExit() {
        List<String> problems = problemsWith("extra.drl", HEAD + rule("Exits", META, "$g : Gap()", "System.exit(1);"));

        assertThat(problems).containsExactly("extra.drl:12: rule \"Exits\" calls java.lang.System.exit(): rules may not start processes or stop the program");
    }

    @Test
    void refusesImportsAndNamesOutsideTheModel() {
        String drl = "package org.equityadvisor.rules;\n\nimport org.equityadvisor.model.*;\nimport java.io.File;\n\n"
                + rule("Reads a file", META, "$g : Gap()", "java.nio.file.Files.delete(null);");

        assertThat(problemsWith("extra.drl", drl)).contains(
                "extra.drl:4: imports java.io.File, but rules may use only the model classes (org.equityadvisor.model), java.lang values, "
                        + "java.util collections and java.time",
                "extra.drl:13: rule \"Reads a file\" calls java.nio.file.Files.delete(): rules may not read or write files");
    }

    @Test
    void refusesTheClockRandomnessAndEval() {
        String drl = HEAD + rule("Reads the clock", META, "$g : Gap( eval(true) )", "int d = java.time.LocalDate.now().getDayOfYear();\n"
                + "    double r = Math.random();");

        assertThat(problemsWith("extra.drl", drl)).contains(
                "extra.drl:10: uses eval: eval hides conditions from the engine; write the condition inside the pattern",
                "extra.drl:12: rule \"Reads the clock\" calls java.time.LocalDate.now(): rules may not read the clock or the machine's defaults: "
                        + "the same input must give the same advice",
                "extra.drl:13: rule \"Reads the clock\" calls java.lang.Math.random(): rules may not be random: the same input must give the same advice");
    }

    @Test
    void refusesARuleWithoutAStageAndSalience() {
        String drl = HEAD + "rule \"No stage\"\n" + META + "    salience 10\nwhen\n    $g : Gap()\nthen\n    insert(new Suggestion(\"AS-09\"));\nend\n";

        assertThat(problemsWith("extra.drl", drl)).contains(
                "extra.drl:5: rule \"No stage\" has no stage: add agenda-group \"detect\", \"suggest\" or \"refine\"",
                "extra.drl:8: rule \"No stage\" sets 'salience': stages order the rules (agenda-group); salience may not");
    }

    @Test
    void refusesASuggestRuleThatMatchesRawMeasures() {
        List<String> problems = problemsWith("extra.drl", HEAD + rule("Reads raw figures", META, "$m : Measure( metric == \"GM-01\", value > 3 )",
                "insert(new Suggestion(\"AS-09\"));"));

        assertThat(problems).containsExactly("extra.drl:5: rule \"Reads raw figures\" matches Measure directly: suggest rules match derived facts "
                + "(Gap, Weakness, Strength, DataGap), so thresholds stay in metrics.yaml");
    }

    @Test
    void reportsASyntaxErrorWithItsLine() {
        String drl = HEAD + "rule \"Broken\"\n" + META + "    agenda-group \"suggest\"\nwhen\n    $g : Gap( metric == \"GM-01\"\nthen\n"
                + "    insert(new Suggestion(\"AS-09\"));\nend\n";

        assertThat(problemsWith("extra.drl", drl)).singleElement().asString().startsWith("extra.drl:11: syntax error:");
    }

    @Test
    void reportsAnUnknownFieldWithTheLineThatNamesIt() {
        String drl = HEAD + rule("Misspelt field", META, "$g : Gap( metrc == \"GM-01\" )", "insert(new Suggestion(\"AS-09\"));");

        assertThat(problemsWith("extra.drl", drl)).singleElement().asString().startsWith("extra.drl:10: ").contains("metrc");
    }

    @Test
    void reportsAConsequenceTypeErrorAtItsRule() {
        String drl = HEAD + rule("Wrong type", META, "$g : Gap( metric == \"GM-01\" )", "insert(new Suggestion(42));");

        assertThat(problemsWith("extra.drl", drl)).anySatisfy(p -> assertThat(p).startsWith("extra.drl:").contains("rule \"Wrong type\""));
    }

    @Test
    void reportsAComparisonOfANumberWithTextInsteadOfCrashing() {
        String drl = HEAD + rule("Number against text", META, "$g : Gap( value > \"many\" )", "insert(new Suggestion(\"AS-09\"));");

        assertThat(problemsWith("extra.drl", drl)).anySatisfy(p -> assertThat(p).startsWith("extra.drl:").contains("Number against text"));
    }

    @Test
    void refusesTwoRulesWithTheSameName() {
        String drl = HEAD + rule("Suggest a help desk when family tech support is weak", META, "$w : Weakness()", "insert(new Suggestion(\"AS-16\"));");

        assertThat(problemsWith("extra.drl", drl)).anySatisfy(p -> assertThat(p).startsWith("extra.drl:5: ")
                .contains("has the same name as the rule at access.drl:"));
    }
}
