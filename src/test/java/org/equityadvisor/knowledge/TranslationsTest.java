package org.equityadvisor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.equityadvisor.model.Problem;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule set's translations (rules/i18n): complete for what ships, checked against the rule set, used where present. */
class TranslationsTest {

    @TempDir
    Path tmp;

    @Test
    void everyShippedMetricGroupIndicatorGoalActionPartnerProgrammeAndRuleHasItsSpanish() {
        KnowledgeBase kb = Fixtures.bundled();

        assertThat(kb.languages()).containsExactly("en", "es");
        assertThat(kb.translations().warnings()).as("entries of the rule set without Spanish").isEmpty();
        KnowledgeBase es = kb.in("es");
        assertThat(es.hash()).isEqualTo(kb.hash());
        kb.actions().forEach((id, a) -> assertThat(es.actions().get(id).title()).as(id).isNotEqualTo(a.title()));
        kb.partners().forEach((id, p) -> assertThat(es.partners().get(id).description()).as(id).isNotEqualTo(p.description()));
        kb.metrics().forEach((id, m) -> assertThat(es.metrics().get(id).text()).as(id).isNotEqualTo(m.text()));
        kb.indicators().forEach((id, i) -> assertThat(es.indicators().get(id).describe(4)).as(id).isNotEqualTo(i.describe(4)));
        assertThat(es.groupName("low-income")).isEqualTo("los estudiantes de bajos ingresos");
        assertThat(es.groupName("school:Lincoln")).isEqualTo("los estudiantes de la escuela Lincoln");
    }

    @Test
    void aKeyThatNamesNothingInTheRuleSetIsAProblemAtItsLine() {
        Path rules = Fixtures.copy(Fixtures.BUNDLED_RULES, tmp);
        Fixtures.write(rules.resolve("i18n/es.yaml"), """
                actions:
                  AS-09:
                    title: Publicar un mapa de puntos de acceso
                  AS-99:
                    title: Una acción que no existe
                rules:
                  "No such rule": Una regla que no existe
                """);

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> KnowledgeBase.load(rules));

        assertThat(e).isNotNull();
        assertThat(e.problems()).map(Problem::toString).containsExactly(
                "i18n/es.yaml:4: names action AS-99, which catalog/actions.yaml does not define",
                "i18n/es.yaml:7: names rule \"No such rule\", which no .drl file or triggers.csv row defines");
    }

    @Test
    void anEntryWithoutSpanishIsAWarningAndShowsItsEnglish() {
        Path rules = Fixtures.copy(Fixtures.BUNDLED_RULES, tmp);
        Fixtures.write(rules.resolve("i18n/es.yaml"), """
                actions:
                  AS-09:
                    title: Publicar un mapa multilingüe de puntos de acceso para tareas
                metrics:
                  GM-01:
                    title: Estudiantes sin internet en el hogar
                    text: el {value} de {who} no tiene internet en casa
                """);

        KnowledgeBase kb = KnowledgeBase.load(rules);

        assertThat(kb.translations().warnings()).map(Problem::toString)
                .contains("i18n/es.yaml: action AS-09 has no translation for description, outcome; the English is shown",
                        "i18n/es.yaml: action AS-10 has no translation for title, description, outcome; the English is shown");
        assertThat(kb.in("es").actions().get("AS-09").title()).isEqualTo("Publicar un mapa multilingüe de puntos de acceso para tareas");
        assertThat(kb.in("es").actions().get("AS-10").title()).isEqualTo(kb.actions().get("AS-10").title());
    }

    @Test
    void aTranslationThatDropsAPlaceholderIsAProblem() {
        Path rules = Fixtures.copy(Fixtures.BUNDLED_RULES, tmp);
        Fixtures.write(rules.resolve("i18n/es.yaml"), """
                metrics:
                  GM-01:
                    text: el {value} de los estudiantes no tiene internet en casa
                """);

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> KnowledgeBase.load(rules));

        assertThat(e.problems()).map(Problem::toString)
                .containsExactly("i18n/es.yaml:3: metric.GM-01.text: has placeholders [{value}] where the English has [{value}, {who}]");
    }

    @Test
    void anEditedTranslationChangesTheHashAndTheWordsWithoutRecompilingTheRules() throws java.io.IOException {
        Path rules = Fixtures.copy(Fixtures.BUNDLED_RULES, tmp);
        KnowledgeBase before = KnowledgeBase.load(rules);
        Path es = rules.resolve("i18n/es.yaml");
        java.nio.file.Files.writeString(es, java.nio.file.Files.readString(es).replace(
                "title: Publicar un mapa multilingüe de puntos de acceso para tareas", "title: Publicar un mapa de lugares con internet para hacer tareas"));

        KnowledgeBase after = KnowledgeBase.reload(rules, before);

        assertThat(after.fromCache()).as("the compiled rules are reused").isTrue();
        assertThat(after.hash()).isNotEqualTo(before.hash());
        assertThat(after.in("es").actions().get("AS-09").title()).startsWith("Publicar un mapa de lugares con internet para hacer tareas");
    }
}
