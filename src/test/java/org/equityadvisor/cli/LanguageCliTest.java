package org.equityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advise --lang es}, {@code explain --lang es} and what {@code rules check} says about a translation. */
class LanguageCliTest {

    private static final String RULES = Fixtures.BUNDLED_RULES.toString();
    private static final String SCENARIO = Fixtures.SCENARIOS.resolve("harbor-city-affordability.yaml").toString();

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void adviseInSpanishWritesSpanishAdviceThatSaysItsLanguage() {
        Run json = run("advise", SCENARIO, "--rules", RULES, "--format", "json", "--lang", "es");

        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"language\" : \"es\"", "Sugerido porque").doesNotContain("Suggested because", "Target within");
        Run english = run("advise", SCENARIO, "--rules", RULES, "--format", "json");
        assertThat(english.out()).isEqualTo(run("advise", SCENARIO, "--rules", RULES, "--format", "json", "--lang", "en").out())
                .doesNotContain("\"language\"").contains("Suggested because");
    }

    @Test
    void anUnknownLanguageNamesItAndTheLanguagesThereAre() {
        Run run = run("advise", SCENARIO, "--rules", RULES, "--lang", "fr");

        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("--lang", "unknown language 'fr': the rule set speaks en, es");
    }

    @Test
    void explainInSpanishDescribesTheMatchedFactsInSpanish() {
        Run run = run("explain", SCENARIO, "--rules", RULES, "--lang", "es");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("El 8% de los estudiantes no tiene internet en casa (umbral 3%", "indicador de brecha GM-01")
                .doesNotContain("have no home internet", "threshold 3%");
        assertThat(run.out()).contains("REGLAS ACTIVADAS, EN ORDEN", "DECISIONES", "conservado: sugerido por").doesNotContain("RULES FIRED", "kept: ");

        Run one = run("explain", SCENARIO, "--rules", RULES, "--lang", "es", "--suggestion", "AS-11");
        assertThat(one.out()).contains("REGLAS DETRÁS DE AS-11, EN ORDEN", "añade:", "sugerencia AS-11 (Ayudar a las familias a inscribirse")
                .doesNotContain("  ninguna\n");
    }

    @Test
    void planDraftInSpanishWritesASpanishPlan() {
        Run run = run("plan", "draft", Fixtures.SCENARIOS.resolve("fairview-scale-up-what-runs.yaml").toString(), "--rules", RULES, "--top", "3",
                "--start", "2026-09-01", "--lang", "es");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"language\" : \"es\"", "Ampliar: ", "todos los estudiantes").doesNotContain("Scale up: ", "all students");
    }

    @Test
    void rulesCheckNamesAStrayKeyWithItsLineAndWarnsAboutWhatIsUntranslated() {
        Path rules = Fixtures.copy(Fixtures.BUNDLED_RULES, tmp);
        Fixtures.write(rules.resolve("i18n/es.yaml"), "partners:\n  PT-01:\n    title: Biblioteca pública\n  PT-99:\n    title: Nadie\n");

        Run broken = run("rules", "check", "--rules", rules.toString());

        assertThat(broken.code()).isNotZero();
        assertThat(broken.err()).contains("i18n/es.yaml:4: names partner PT-99, which catalog/partners.yaml does not define");

        Fixtures.write(rules.resolve("i18n/es.yaml"), "partners:\n  PT-01:\n    title: Biblioteca pública\n");
        Run partial = run("rules", "check", "--rules", rules.toString());
        assertThat(partial.code()).as(partial.err()).isZero();
        assertThat(partial.out()).contains("warning: i18n/es.yaml: partner PT-01 has no translation for description; the English is shown",
                "warning: i18n/es.yaml: action AS-01 has no translation for title, description, outcome; the English is shown");
    }
}
