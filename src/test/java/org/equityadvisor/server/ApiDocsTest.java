package org.equityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The OpenAPI document says what the API really does: each real answer below is checked against the schema
 * the document publishes for that operation and status, and the status must be one it lists.
 */
@SpringBootTest(classes = EquityAdvisorServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "equityadvisor.rules=rules", "equityadvisor.scenarios=scenarios", "equityadvisor.users=src/test/resources/server/users.yaml",
        "equityadvisor.watch=false", "equityadvisor.public-api-docs=true", "spring.datasource.url=jdbc:h2:mem:api;DB_CLOSE_DELAY=-1"})
class ApiDocsTest extends ServerTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void theDocumentNamesTheProgramItsVersionAndHttpBasicSignIn() {
        JsonNode docs = docs();
        assertThat(docs.get("openapi").asText()).startsWith("3.1");
        assertThat(docs.at("/info/title").asText()).isEqualTo("Equity Advisor");
        assertThat(docs.at("/info/version").asText()).isEqualTo(KnowledgeBase.version());
        assertThat(docs.at("/components/securitySchemes/basic/type").asText()).isEqualTo("http");
        assertThat(docs.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(docs.at("/security/0").has("basic")).isTrue();
        assertThat(docs.at("/paths/~1api~1advice/post/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Advice");

        JsonNode info = send("cora", "GET", "/actuator/info", null).json();
        assertThat(info.at("/app/name").asText()).isEqualTo("Equity Advisor");
        assertThat(info.at("/app/version").asText()).isEqualTo(KnowledgeBase.version());
        assertThat(info.at("/ruleSet/hash").asText()).startsWith("sha256:");
    }

    @Test
    void realAnswersMatchThePublishedSchemaOfTheirOperationAndStatus() throws Exception {
        JsonNode docs = docs();
        String assessment = riverbend();
        assertValid(docs, "/components/schemas/AssessmentInput", JSON.readTree(assessment), "the request body");

        answer(docs, "/api/advice", "post", send("cora", "POST", "/api/advice", assessment), 200);
        answer(docs, "/api/framework", "get", send("lee", "GET", "/api/framework", null), 200);
        answer(docs, "/api/rules", "get", send("cora", "GET", "/api/rules", null), 200);
        Response created = send("lee", "POST", "/api/plans", "{\"assessment\": " + assessment + ", \"top\": 3}");
        answer(docs, "/api/plans", "post", created, 201);
        String plan = "/api/plans/" + created.header("X-Plan-Id");
        answer(docs, "/api/plans", "get", send("lee", "GET", "/api/plans", null), 200);
        answer(docs, "/api/plans/{id}", "get", send("lee", "GET", plan, null), 200);
        answer(docs, "/api/plans/{id}/check", "get", send("lee", "GET", plan + "/check", null), 200);
        answer(docs, "/api/plans/{id}/versions", "get", send("lee", "GET", plan + "/versions", null), 200);
        answer(docs, "/api/plans/{id}/goals/{goal}", "delete", send("lee", "DELETE", plan + "/goals/G-NOT-IN-PLAN", null, "If-Match", "\"99\""), 412);
        answer(docs, "/api/plans/{id}", "put", send("lee", "PUT", plan, send("lee", "GET", plan, null).body()), 428);

        answer(docs, "/api/advice", "post", send("cora", "POST", "/api/advice", "{\"district\": {\"name\": \"\"}}"), 400);
        answer(docs, "/api/advice", "post", send("otto", "POST", "/api/advice", assessment), 403);
        answer(docs, "/api/advice", "post", send(null, "POST", "/api/advice", assessment), 401);
        answer(docs, "/api/rules", "get", send("lee", "GET", "/api/rules", null), 403);
        answer(docs, "/api/plans/{id}", "get", send("lee", "GET", "/api/plans/no-such-plan", null), 404);
    }

    private JsonNode docs() {
        Response r = send(null, "GET", "/v3/api-docs", null);
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    /** The status is one the operation documents, and the body matches the schema documented for it. */
    private static void answer(JsonNode docs, String path, String method, Response r, int status) throws Exception {
        assertThat(r.status()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        String pointer = "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method + "/responses/" + status;
        JsonNode response = docs.at(pointer);
        assertThat(response.isMissingNode()).as(method + " " + path + " documents " + status).isFalse();
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
            response = docs.at(pointer);
        }
        String type = r.header("Content-Type").replaceAll(";.*", "");
        assertThat(response.at("/content").has(type)).as(method + " " + path + " " + status + " documents " + type).isTrue();
        assertValid(docs, pointer + "/content/" + type.replace("/", "~1") + "/schema", JSON.readTree(r.body()), method + " " + path + " " + status);
    }

    private static void assertValid(JsonNode docs, String pointer, JsonNode value, String what) {
        ObjectNode schema = docs.deepCopy();
        schema.put("$ref", "#" + pointer);
        Set<ValidationMessage> problems = SCHEMAS.getSchema(schema).validate(value);
        assertThat(problems).as(what + " against " + pointer).isEmpty();
    }
}
