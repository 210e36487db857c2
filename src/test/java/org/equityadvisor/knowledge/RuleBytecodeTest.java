package org.equityadvisor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.model.Measure;
import org.equityadvisor.scenario.ScenarioSuite;
import org.equityadvisor.scenario.SuiteResult;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bytecode check refuses nothing a rule may legitimately do (no false positives). */
class RuleBytecodeTest {

    @TempDir
    Path tmp;

    @Test
    void theShippedRuleSetFreshlyCompiledPassesAndEveryScenarioStillPasses() {
        KnowledgeBase kb = KnowledgeBase.load(Fixtures.BUNDLED_RULES, CompiledCache.off());

        SuiteResult result = ScenarioSuite.load(Fixtures.SCENARIOS, kb).run(new Advisor(kb));

        assertThat(result.results()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(result.failed()).as("scenarios failing against the checked rule set").isZero();
    }

    @Test
    void rulesUsingTheModelCollectionsStreamsDatesAndTheEngineVerbsPass() {
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp);
        String meta = "    @source(\"OET-ADEA-2022\")\n    @divide(\"ACCESS\")\n";
        Fixtures.write(rules.resolve("legit.drl"), """
                package org.equityadvisor.rules;

                import org.equityadvisor.model.*;
                import java.util.List;
                import java.util.ArrayList;
                import java.time.LocalDate;

                rule "Counts gaps with accumulate and collects them"
                %1$s    agenda-group "refine"
                when
                    $n : Number( intValue > 0 ) from accumulate( $g : Gap( metric matches "GM-0[0-9]" ), count( $g ) )
                    $all : List( size > 0 ) from collect( Gap() )
                    exists Gap( severe || value > 1.5 )
                    not Suggestion( id == "PT-01" )
                then
                    List<String> ids = new ArrayList<>();
                    String joined = String.join(",", ids) + String.format("%%d", $n.intValue()) + Math.max(1, 2);
                    long over = ((List<Gap>) $all).stream().filter(g -> g.value() > 3).map(Gap::metric).distinct().count();
                    LocalDate end = LocalDate.of(2025, 6, 30).plusMonths(3);
                    java.math.BigDecimal b = java.math.BigDecimal.valueOf(over).setScale(1, java.math.RoundingMode.HALF_UP);
                    java.util.Map<String, Integer> m = new java.util.TreeMap<>(java.util.Map.of("a", 1));
                    java.util.Optional.ofNullable(joined).ifPresent(s -> m.put(s, s.length()));
                end

                rule "Deletes a duplicate suggestion"
                %1$s    agenda-group "refine"
                when
                    $s : Suggestion( id == "AS-09" )
                    $t : Suggestion( this != $s, id == $s.id )
                then
                    delete( $t );
                end
                """.formatted(meta));

        KnowledgeBase kb = KnowledgeBase.load(rules, CompiledCache.off());

        assertThat(kb.rules()).extracting(RuleInfo::name).contains("Counts gaps with accumulate and collects them");
        assertThat(new Advisor(kb).advise(Fixtures.assessment(List.of(), List.of(new Measure("GM-01", "all", 12.0)))).findings())
                .isNotEmpty();
    }
}
