package org.equityadvisor.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.Measure;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

class AssessmentWriterTest {

    private static final KnowledgeBase KB = Fixtures.bundled();
    private final AssessmentWriter writer = new AssessmentWriter(KB);

    @Test
    void writesWhatTheReaderReadsBackUnchanged() {
        Assessment a = new Assessment(
                new District("Riverbend \"North\" Unified: K-12", "0612345", "CA", "rural", 4200, 9, 68.5, LocalDate.of(2027, 1, 11), List.of("AS-16", "AS-04")),
                List.of(new Answer("SA-ACC-01", 2), new Answer("SA-DES-05", 1, "only the IT department # meets")),
                List.of(new Measure("GM-01", "all", 12.5, 4100, 2.1, 2025, "2025 family survey: Q1", Measure.Kind.SURVEY),
                        new Measure("GM-01", "race:Black or African American", 14, 812, null, null, null, null),
                        new Measure("GM-05", "school:Lincoln #2", 0, 30, null, 2025, "survey", Measure.Kind.SURVEY)),
                Map.of("GM-06", 20.0));

        String yaml = writer.yaml(a, List.of("Made by a test"));

        assertThat(new AssessmentReader(KB).read("written.yaml", yaml)).isEqualTo(a);
        assertThat(yaml).startsWith("# Made by a test\n#\n# An Equity Advisor assessment");
    }

    @Test
    void listsEveryIndicatorAndMetricWithItsNameAndExplainsEachSection() {
        String yaml = writer.yaml(new Assessment(District.named("Riverbend Unified"), List.of(), List.of(), Map.of()), List.of());

        assertThat(KB.indicators()).hasSize(25);
        assertThat(KB.indicators().values()).allSatisfy(i -> assertThat(yaml).contains("  # " + i.id() + ":", "# " + i.title()));
        assertThat(KB.metrics().values()).allSatisfy(m -> assertThat(yaml).contains("#   " + m.id(), m.title()));
        assertThat(yaml).contains("1 Foundational, 2 Developing, 3 Established, 4 Advanced", "kind    survey", "# thresholds:", "equity-advisor advise THIS-FILE",
                "# enrollment: 4200");
        Assessment back = new AssessmentReader(KB).read("starter.yaml", yaml);
        assertThat(back.answers()).isEmpty();
        assertThat(back.measures()).isEmpty();
    }

    @Test
    void saysWhereAnEstimatesMarginIsWiderThanHalfOfIt() {
        Assessment a = new Assessment(District.named("Delmar"), List.of(),
                List.of(new Measure("GM-01", "all", 6.9, 1194, 4.0, 2018, "ACS", Measure.Kind.ESTIMATE)), Map.of());

        assertThat(writer.yaml(a, List.of())).contains("    moe: 4   # the margin of error is wider than half the estimate: verify locally");
    }
}
