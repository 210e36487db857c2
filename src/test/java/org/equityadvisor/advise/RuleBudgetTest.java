package org.equityadvisor.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Problem;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every run of the rules is bounded: a rule set that loops or a rule that never finishes fails the advice, named. */
class RuleBudgetTest {

    private static final String META = "    @source(\"OET-ADEA-2022\")\n    @divide(\"ACCESS\")\n    agenda-group \"suggest\"\n";
    private static final Assessment DISTRICT = Fixtures.assessment(List.of(), List.of(new Measure("GM-01", "all", 12.0)));

    @TempDir
    Path tmp;

    private KnowledgeBase withRules(String drl) {
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp);
        Fixtures.write(rules.resolve("runaway.drl"), "package org.equityadvisor.rules;\n\nimport org.equityadvisor.model.*;\n\n" + drl);
        return KnowledgeBase.load(rules);
    }

    /** Two rules that undo each other for ever: each firing is quick, there is just no end to them. */
    private static final String PING_PONG = "rule \"Adds the help desk\"\n" + META + "when\n    $g : Gap()\n    not Suggestion( id == \"AS-16\" )\n"
            + "then\n    insert( new Suggestion(\"AS-16\") );\nend\n\n"
            + "rule \"Removes the help desk\"\n" + META + "when\n    $s : Suggestion( id == \"AS-16\" )\nthen\n    delete( $s );\nend\n";

    @Test
    void rulesThatReTriggerEachOtherStopAtTheFiringLimitWithTheRuleNamed() {
        KnowledgeBase kb = withRules(PING_PONG);
        Advisor advisor = new Advisor(kb, Clock.systemUTC(), new RuleBudget(5_000, Duration.ofSeconds(30)));

        RuleBudgetException e = catchThrowableOfType(RuleBudgetException.class, () -> advisor.advise(DISTRICT));

        assertThat(e).isNotNull();
        assertThat(e.rule()).isIn("Adds the help desk", "Removes the help desk");
        assertThat(e.problems()).extracting(Problem::toString).singleElement().asString()
                .matches("runaway\\.drl:\\d+: rule \"(Adds|Removes) the help desk\" keeps firing \\(2500 of the 5000 firings allowed per advice, "
                        + "equityadvisor\\.rules\\.maxFirings\\): it re-triggers itself or another rule");
    }

    @Test
    void rulesThatReTriggerEachOtherStopAtTheTimeBudget() {
        KnowledgeBase kb = withRules(PING_PONG);
        Advisor advisor = new Advisor(kb, Clock.systemUTC(), new RuleBudget(Integer.MAX_VALUE, Duration.ofMillis(300)));
        long start = System.nanoTime();

        RuleBudgetException e = catchThrowableOfType(RuleBudgetException.class, () -> advisor.advise(DISTRICT));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("ran past their time budget of 300 ms (equityadvisor.rules.timeBudget)")
                .containsPattern("rule \"(Adds|Removes) the help desk\" fired most");
    }

    @Test
    void aConsequenceThatNeverFinishesIsStoppedWithTheRuleNamedAndTheThreadServesOn() {
        // No loop in the rule (the bytecode check refuses those), but 2^63 additions: no end in a lifetime.
        KnowledgeBase kb = withRules("rule \"Sums for ever\"\n" + META + "when\n    $g : Gap()\nthen\n"
                + "    long n = java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum();\n    insert( new Suggestion(\"AS-16\") );\nend\n");
        Advisor advisor = new Advisor(kb, Clock.systemUTC(), new RuleBudget(1_000, Duration.ofMillis(300)));
        long start = System.nanoTime();

        RuleBudgetException e = catchThrowableOfType(RuleBudgetException.class, () -> advisor.advise(DISTRICT));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(Problem::toString).singleElement().asString()
                .isEqualTo("runaway.drl:5: rule \"Sums for ever\" was still running after the time budget of 300 ms "
                        + "(equityadvisor.rules.timeBudget) and was stopped: a condition or consequence does not finish");
        assertThat(new Advisor(Fixtures.fixture()).advise(DISTRICT).findings()).as("the same thread advises again").isNotEmpty();
    }

    @Test
    void aConditionThatNeverFinishesIsStoppedWithItsRuleNamed() {
        KnowledgeBase kb = withRules("rule \"Sums for ever\"\n" + META + "when\n    $g : Gap( java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum() > value )\n"
                + "then\n    insert( new Suggestion(\"AS-16\") );\nend\n");
        Advisor advisor = new Advisor(kb, Clock.systemUTC(), new RuleBudget(1_000, Duration.ofMillis(300)));

        RuleBudgetException e = catchThrowableOfType(RuleBudgetException.class, () -> advisor.advise(DISTRICT));

        assertThat(e).isNotNull();
        assertThat(e.rule()).isEqualTo("Sums for ever");
        assertThat(e.problems().get(0).place()).isEqualTo("runaway.drl:5");
    }

    @Test
    void anAdviceWithinBudgetIsUntouched() {
        Advisor bounded = new Advisor(Fixtures.fixture(), Clock.systemUTC(), new RuleBudget(1_000, Duration.ofSeconds(5)));

        assertThat(bounded.advise(DISTRICT)).isEqualTo(new Advisor(Fixtures.fixture(), Clock.systemUTC()).advise(DISTRICT));
    }

    @Test
    void theBudgetIsReadFromItsSettingsAndABadValueNamesTheSetting() {
        assertThat(RuleBudget.duration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(RuleBudget.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(RuleBudget.duration("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(RuleBudget.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> RuleBudget.duration("soon")).hasMessage("equityadvisor.rules.timeBudget must be written like 10s, 500ms or PT10S, not 'soon'");
        assertThatThrownBy(() -> new RuleBudget(0, Duration.ofSeconds(1))).hasMessageContaining("at least 1");
        assertThat(RuleBudget.defaults()).isEqualTo(new RuleBudget(100_000, Duration.ofSeconds(10)));
    }
}
