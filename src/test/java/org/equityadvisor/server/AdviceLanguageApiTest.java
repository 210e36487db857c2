package org.equityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.equityadvisor.advise.Advisor;
import org.equityadvisor.export.AdviceWriter;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code POST /api/advice?lang=es}: the advice in Spanish, as the library gives it; an unknown language is a 400. */
@SpringBootTest(classes = EquityAdvisorServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "equityadvisor.rules=rules", "equityadvisor.scenarios=scenarios", "equityadvisor.users=src/test/resources/server/users.yaml",
        "equityadvisor.watch=false", "spring.datasource.url=jdbc:h2:mem:apilang;DB_CLOSE_DELAY=-1"})
class AdviceLanguageApiTest extends ServerTest {

    @Test
    void adviceInSpanishIsWhatTheLibraryGivesInSpanish() {
        Response r = send("cora", "POST", "/api/advice?lang=es", riverbend());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String expected = AdviceWriter.json(new Advisor(Fixtures.bundled()).inLanguage("es").advise(
                new org.equityadvisor.imports.AssessmentReader(Fixtures.bundled()).read("request", riverbend())));
        assertThat(r.body()).isEqualTo(expected).contains("\"language\" : \"es\"", "Sugerido porque");
        assertThat(r.header("Content-Language")).isEqualTo("es");
    }

    @Test
    void withoutLangTheFirstLanguageOfAcceptLanguageTheRuleSetSpeaksAnswers() {
        Response spanish = send("cora", "POST", "/api/advice", riverbend(), "Accept-Language", "fr-FR, es-MX;q=0.9, en;q=0.5");
        Response english = send("cora", "POST", "/api/advice", riverbend(), "Accept-Language", "fr-FR, de;q=0.9");

        assertThat(spanish.body()).contains("\"language\" : \"es\"");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).doesNotContain("\"language\"").contains("Suggested because");
    }

    @Test
    void anUnknownLanguageIsAProblemNamingTheLanguagesThereAre() {
        Response r = send("cora", "POST", "/api/advice?lang=fr", riverbend());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("unknown language 'fr': the rule set speaks en, es");
    }
}
