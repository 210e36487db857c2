package org.equityadvisor.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.model.Advice;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Spanish advice as text and Markdown: the labels around the sentences are Spanish too, and so are the team roles. */
class SpanishAdviceWriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T12:00:00Z"), ZoneOffset.UTC);

    private static Advice advice(String language) {
        return new Advisor(Fixtures.bundled(), CLOCK).inLanguage(language).advise(Fixtures.scenario("fairview-scale-up-what-runs.yaml"));
    }

    @Test
    void spanishTextAndMarkdownHaveSpanishLabelsAndRoles() {
        Advice advice = advice("es");

        String text = AdviceWriter.write(advice, AdviceWriter.Format.TEXT);
        assertThat(text).contains("HALLAZGOS", "METAS SUGERIDAS", "Socios: ", "Cuándo: empezar ya, 3 meses (meses 1-3 del plan)", "Equipo: ",
                "Resultado: Meta en 12 meses", "Por qué: Sugerido porque", "puntuación", "Ampliar (ya en marcha): ", "Director de tecnología")
                .doesNotContain("FINDINGS", "SUGGESTED GOALS", "Action steps", "When: ", "Team: ", "Outcome: ", "Why: ", "score ", "start now",
                        "Chief technology officer", "Scale up (already in place)");
        String markdown = AdviceWriter.write(advice, AdviceWriter.Format.MARKDOWN);
        assertThat(markdown).contains("# Consejo de equidad digital: ", "## Hallazgos", "| Tipo | Id | Grupo | Hallazgo |", "brecha (grave)",
                "## Metas sugeridas", "#### Pasos de acción", "  - Por qué: ", "*(regla: ")
                .doesNotContain("## Findings", "| Kind |", "(severe)", "Suggested goals", "  - Why: ", "*(rule: ");
    }

    @Test
    void englishTextKeepsItsEnglishLabels() {
        String text = AdviceWriter.write(advice("en"), AdviceWriter.Format.TEXT);

        assertThat(text).contains("FINDINGS", "SUGGESTED GOALS (most pressing first)", "When: start now, 3 months (months 1-3 of the plan)",
                "Scale up (already in place): ");
    }
}
