package org.equityadvisor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.equityadvisor.model.Problem;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML half of a rule set: every problem is reported with file and line, and nothing is lost. */
class DefinitionsReaderTest {

    @TempDir
    Path tmp;

    private List<String> problemsAfter(String file, String from, String to) throws IOException {
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp);
        Path target = rules.resolve(file);
        String text = Files.readString(target);
        assertThat(text).contains(from);
        Files.writeString(target, text.replace(from, to));
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> KnowledgeBase.load(rules));
        assertThat(e).isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void reportsAPartnerIdNobodyDefinesAtItsLine() throws IOException {
        assertThat(problemsAfter("catalog/actions.yaml", "partners: [PT-01]\n  outcome:\n    metric: GM-01\n    target: threshold",
                "partners: [PT-77]\n  outcome:\n    metric: GM-01\n    target: threshold"))
                .containsExactly("catalog/actions.yaml:10: AS-09.partners: 'PT-77' is not a defined partner (catalog/partners.yaml)");
    }

    @Test
    void reportsAMisspeltFieldInsteadOfIgnoringIt() throws IOException {
        assertThat(problemsAfter("catalog/partners.yaml", "  goals: [G-CONNECT, G-ADOPT]", "  goal: [G-CONNECT, G-ADOPT]"))
                .contains("catalog/partners.yaml:4: PT-01.goal: unknown field 'goal' (expected one of description, goals, id, sources, title)",
                        "catalog/partners.yaml:1: PT-01.goals: is required");
    }

    @Test
    void reportsACatalogEntryWithoutASource() throws IOException {
        assertThat(problemsAfter("catalog/goals.yaml", "  dimension: WHO\n  sources: [OET-ADEA-2022]", "  dimension: WHO"))
                .containsExactly("catalog/goals.yaml:7: G-ADOPT.sources: is required");
    }

    @Test
    void reportsASevereThresholdOnTheWrongSide() throws IOException {
        assertThat(problemsAfter("framework/metrics.yaml", "  severe: 10", "  severe: 1"))
                .containsExactly("framework/metrics.yaml:7: GM-01.severe: 1.0 must be worse than the threshold 3.0 (higher-is-worse)");
    }

    @Test
    void reportsMalformedYamlWithItsLine() throws IOException {
        assertThat(problemsAfter("programmes.yaml", "  status: ended", "  status: [ended"))
                .singleElement().asString().startsWith("programmes.yaml:").contains("malformed YAML");
    }

    @Test
    void reportsWeightsThatDoNotAddUpToOne() throws IOException {
        assertThat(problemsAfter("ranking.yaml", "  rating: 0.15", "  rating: 0.35"))
                .containsExactly("ranking.yaml:2: weights.severity: the four weights add up to 1.2; make them add up to 1");
    }

    @Test
    void hashesTheFilesSoAnyEditChangesTheRuleSetId() throws IOException {
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp);
        String before = RuleFiles.read(rules).hash();
        Files.writeString(rules.resolve("README.md"), "docs do not count");
        assertThat(RuleFiles.read(rules).hash()).isEqualTo(before).startsWith("sha256:").hasSize(71);
        Files.writeString(rules.resolve("access.drl"), Files.readString(rules.resolve("access.drl")) + "\n");
        assertThat(RuleFiles.read(rules).hash()).isNotEqualTo(before);
    }
}
