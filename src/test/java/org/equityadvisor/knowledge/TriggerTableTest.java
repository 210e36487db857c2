package org.equityadvisor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.Reason;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trigger table: rows a coach edits in a spreadsheet, checked cell by cell, advising like the rules they stand for. */
class TriggerTableTest {

    private static final String HEADER = "rule,finding,on,group,locale,severity,level,suggests,divide,sources,why\n";
    private static final String LENDING = "Suggest lending hotspots when low-income students lack home internet,gap,GM-01,low-income,,,,AS-09 PT-01,ACCESS,"
            + "OET-ADEA-2022,\"Hotspots bridge the gap, the guide says.\"\n";

    @TempDir
    Path tmp;

    private Path rulesWith(String table) {
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp);
        Fixtures.write(rules.resolve("triggers.csv"), table);
        return rules;
    }

    private List<String> problemsWith(String table) {
        Path rules = rulesWith(table);
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> KnowledgeBase.load(rules, CompiledCache.off()));
        assertThat(e).as("the rule set should be refused").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aRowIsARuleThatSuggestsAndExplainsItselfWithTheDistrictsFigures() {
        KnowledgeBase kb = KnowledgeBase.load(rulesWith(HEADER + LENDING), CompiledCache.off());
        String rule = "Suggest lending hotspots when low-income students lack home internet";

        assertThat(kb.rule(rule)).get().satisfies(r -> {
            assertThat(r.location()).isEqualTo("triggers.csv:2");
            assertThat(r.stage()).isEqualTo(RuleInfo.SUGGEST);
            assertThat(r.suggests()).containsExactly("AS-09", "PT-01");
            assertThat(r.intent()).isEqualTo("Hotspots bridge the gap, the guide says.");
            assertThat(r.when()).isEqualTo("$gap : Gap( metric == \"GM-01\", group == \"low-income\" )");
        });
        var advice = new Advisor(kb).advise(Fixtures.assessment(List.of(), List.of(new Measure("GM-01", "low-income", 14, 400, null, null, null))));
        List<Reason> reasons = advice.goals().stream().flatMap(g -> g.actions().stream()).filter(a -> a.id().equals("AS-09"))
                .flatMap(a -> a.because().stream()).filter(r -> r.rule().equals(rule)).toList();
        assertThat(reasons).singleElement().satisfies(r -> {
            assertThat(r.sources()).containsExactly("OET-ADEA-2022");
            assertThat(r.text()).contains("14% of low-income students have no home internet");
        });
    }

    @Test
    void aRowDoesNotFireForAnotherGroup() {
        KnowledgeBase kb = KnowledgeBase.load(rulesWith(HEADER + LENDING), CompiledCache.off());

        var explanation = new Advisor(kb).explain(Fixtures.assessment(List.of(new Answer("SA-ACC-07", 3)),
                List.of(new Measure("GM-01", "race:Asian", 14, 400, null, null, null))));

        assertThat(explanation.firings()).noneMatch(f -> f.rule().startsWith("Suggest lending hotspots"));
    }

    @Test
    void namesRowAndColumnOfEveryBadCell() {
        List<String> problems = problemsWith(HEADER
                + "Suggest a ghost,gap,GM-99,,,,,AS-99,ACCESS,OET-ADEA-2022,\n"
                + "Suggest by mood,feeling,,,,,,AS-09,,NOBODY-2030,\n"
                + "Suggest in space,weakness,SA-ACC-07,low-income,moon,severe,3,AS-09,ACCESS,OET-ADEA-2022,\n");

        assertThat(problems).contains(
                "triggers.csv:2: column on: 'GM-99' is not a metric of framework/metrics.yaml (a gap is on a metric, GM-…)",
                "triggers.csv:2: column suggests: 'AS-99' is not a goal, action or partner of the catalog",
                "triggers.csv:3: column finding: 'feeling' is not a finding; write gap, weakness, data-gap or strength",
                "triggers.csv:3: column divide: say which divide the row serves: ACCESS, USE or DESIGN",
                "triggers.csv:3: column sources: 'NOBODY-2030' is not a source of sources.yaml",
                "triggers.csv:4: column group: only a gap concerns a group; leave it empty for a weakness",
                "triggers.csv:4: column locale: 'moon' is not one of city, suburb, town, rural",
                "triggers.csv:4: column severity: only a gap has a severity",
                "triggers.csv:4: column level: a weakness is a rating of 1 or 2, not 3");
    }

    @Test
    void refusesANameADrlRuleAlreadyHasAndQuotesInNames() {
        List<String> problems = problemsWith(HEADER
                + "Suggest a help desk when family tech support is weak,weakness,SA-ACC-07,,,,,AS-16,ACCESS,OET-ADEA-2022,\n"
                + "\"Suggest \"\"quoted\"\" things\",gap,GM-01,,,,,AS-09,ACCESS,OET-ADEA-2022,\n");

        assertThat(problems).anyMatch(p -> p.startsWith("triggers.csv:2: column rule: \"Suggest a help desk when family tech support is weak\" is also the name of the rule at access.drl:"));
        assertThat(problems).contains("triggers.csv:3: column rule: a rule name may not contain double quotes, backslashes or line breaks");
    }

    @Test
    void refusesAnUnknownColumnAndAMissingOne() {
        List<String> problems = problemsWith("rule,finding,on,suggestz,divide,sources\nX,gap,GM-01,AS-09,ACCESS,OET-ADEA-2022\n");

        assertThat(problems).contains(
                "triggers.csv:1: column D 'suggestz' is not a column of the table; the columns are rule,finding,on,group,locale,severity,level,suggests,divide,sources,why",
                "triggers.csv:1: has no column 'suggests'; the columns are rule,finding,on,group,locale,severity,level,suggests,divide,sources,why");
    }

    @Test
    void aChangedRowReusesTheCompiledRulesWhileTheHashChanges() throws IOException {
        Path cache = tmp.resolve("cache");
        Path rules = rulesWith(HEADER + LENDING);
        KnowledgeBase before = KnowledgeBase.load(rules, CompiledCache.at(cache));
        Files.writeString(rules.resolve("triggers.csv"), HEADER + LENDING.replace("low-income", "race:*"));

        KnowledgeBase after = KnowledgeBase.load(rules, CompiledCache.at(cache));

        assertThat(after.hash()).isNotEqualTo(before.hash());
        assertThat(after.triggers()).singleElement().satisfies(t -> assertThat(t.groups()).containsExactly("race:*"));
        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries.filter(p -> p.toString().endsWith(".kjar"))).as("one compiled entry serves both tables").hasSize(1);
        }
    }
}
