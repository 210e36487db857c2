package org.equityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.equityadvisor.advise.Advisor;
import org.equityadvisor.export.AdviceWriter;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = EquityAdvisorServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "equityadvisor.rules=rules", "equityadvisor.scenarios=scenarios", "equityadvisor.users=src/test/resources/server/users.yaml",
        "equityadvisor.watch=false", "equityadvisor.public-api-docs=true", "spring.datasource.url=jdbc:h2:mem:api;DB_CLOSE_DELAY=-1"})
class ApiTest extends ServerTest {

    @Test
    void adviceIsTheContractJsonTheCommandLinePrintsAndNamesItsRuleSet() {
        Response r = send("cora", "POST", "/api/advice", riverbend());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String expected = AdviceWriter.json(new Advisor(Fixtures.bundled()).advise(
                new org.equityadvisor.imports.AssessmentReader(Fixtures.bundled()).read("request", riverbend())));
        assertThat(r.body()).isEqualTo(expected);
        assertThat(r.header("X-Rule-Set")).isEqualTo(r.json().get("ruleSet").asText()).startsWith("sha256:");
    }

    @Test
    void badInputIsAProblemDetailNamingEveryFieldNeverA500() throws Exception {
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(riverbend());
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("answers")).put("SA-ACC-07", 7);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("district")).put("name", "");
        String bad = JSON.writeValueAsString(doc);

        Response r = send("cora", "POST", "/api/advice", bad);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsText("field")).anyMatch(f -> f.contains("answers.SA-ACC-07"))
                .anyMatch(f -> f.contains("district.name"));
        assertThat(send("cora", "POST", "/api/advice", "{ not json").status()).isEqualTo(400);
        assertThat(send("cora", "POST", "/api/advice", "").status()).isEqualTo(400);
        Response start = send("lee", "POST", "/api/plans", "{\"assessment\": " + riverbend() + ", \"start\": \"soon\", \"top\": 3}");
        assertThat(start.status()).as(start.body()).isEqualTo(400);
        assertThat(start.json().get("errors").get(0).get("field").asText()).isEqualTo("start");
        assertThat(send("lee", "GET", "/api/plans/" + newPlan() + "/export?format=odt", null).status()).isEqualTo(400);
        assertThat(send("lee", "GET", "/api/plans/no-such-plan", null).status()).isEqualTo(404);
    }

    @Test
    void theFrameworkHasWhatAFormNeeds() {
        var json = send("lee", "GET", "/api/framework", null).json();

        assertThat(json.get("indicators")).hasSize(25);
        assertThat(json.get("metrics").size()).isGreaterThanOrEqualTo(26);
        assertThat(json.get("actions")).hasSize(44);
        assertThat(json.get("partners")).hasSize(18);
        assertThat(json.get("goals").size()).isGreaterThanOrEqualTo(10);
        assertThat(json.get("sources").size()).isGreaterThan(5);
    }

    /** Here the API document is configured public (equityadvisor.public-api-docs=true); HardeningTest has the default. */
    @Test
    void openApiSwaggerAndHealthAreServed() {
        Response docs = send(null, "GET", "/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/plans/{id}")).isTrue();
        assertThat(docs.json().get("paths").has("/api/advice")).isTrue();
        assertThat(send(null, "GET", "/swagger-ui/index.html", null).status()).isEqualTo(200);
        assertThat(send(null, "GET", "/actuator/health", null).json().get("status").asText()).isEqualTo("UP");
        assertThat(send("cora", "GET", "/actuator/info", null).status()).isEqualTo(200);
    }

    @Test
    void theRuleSetShowsItsRulesWithTheirMetadata() {
        var json = send("cora", "GET", "/api/rules", null).json();

        assertThat(json.get("hash").asText()).startsWith("sha256:");
        assertThat(json.get("status").asText()).isEqualTo("ok");
        assertThat(json.get("scenarios").asText()).endsWith("0 failed");
        assertThat(json.get("rules").size()).isGreaterThanOrEqualTo(60);
        assertThat(json.get("rules").get(0).has("sources")).isTrue();
    }
}
