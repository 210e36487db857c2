package org.equityadvisor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Problem;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The limits hold for an assessment built in code too (a web form, an import), not only for one read from a file. */
class AssessmentCheckTest {

    private final KnowledgeBase kb = Fixtures.fixture();

    private List<String> problems(Assessment a) {
        return kb.validate(a).stream().map(Problem::toString).toList();
    }

    @Test
    void refusesTooManyRowsWithOneProblemBeforeLookingAtAnyRow() {
        List<Measure> rows = new ArrayList<>();
        for (int i = 0; i < 2_001; i++) {
            rows.add(new Measure("GM-99", "school:" + i, -1));
        }

        assertThat(problems(new Assessment(District.named("X"), List.of(), rows, Map.of()))).containsExactly("measures: 2,001 rows; at most 2,000");
    }

    @Test
    void refusesUnprintableTextsFiguresThatAreNotNumbersAndDatesOutOfRange() {
        District district = new District("River\u001bbend", null, null, null, 4200, null, Double.NaN, LocalDate.of(2150, 1, 1), List.of());
        Measure row = new Measure("GM-01", "all", 3, 500, Double.POSITIVE_INFINITY, 2025, "survey\u0000", null);

        assertThat(problems(new Assessment(district, List.of(), List.of(row), Map.of("GM-01", 1e12)))).containsExactlyInAnyOrder(
                "district.name: contains the control character U+001B at character 6, which cannot be printed; remove it",
                "district.lowIncomePct: is not a number",
                "district.planStart: 2150-01-01 is after 2090-12-31; use a date from 1990-01-01 to 2090-12-31",
                "measures[0].moe: is not a number",
                "measures[0].source: contains the control character U+0000 at character 7, which cannot be printed; remove it",
                "thresholds.GM-01: 1.0E12 is beyond 1,000,000,000, the largest figure accepted");
    }
}
