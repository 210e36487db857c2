package org.equityadvisor.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.equityadvisor.imports.AssessmentSchema;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document (/v3/api-docs, Swagger UI at /swagger-ui.html): this program's name and version, HTTP
 * Basic as the security scheme (Swagger's Authorize button), the assessment as the same JSON Schema editors
 * use (docs/assessment.schema.json, from the rule set that answers), RFC 9457 problem details, and the
 * statuses every endpoint shares (sign-in, throttling, body limit) added to each operation.
 */
@Configuration
class ApiDocs {

    static final String ASSESSMENT = "#/components/schemas/AssessmentInput";
    static final String PROBLEM = "#/components/schemas/ProblemDetail";
    static final String INVALID = "#/components/responses/InvalidInput";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String BASIC = "basic";

    static final String ASSESSMENT_EXAMPLE = """
            {"district": {"name": "Riverbend Unified", "id": "0612345", "state": "CA", "locale": "rural", "enrollment": 4200, "lowIncomePct": 68},
             "answers": {"SA-ACC-01": 2, "SA-DES-05": {"level": 1, "note": "only the IT department meets on this"}},
             "measures": [{"metric": "GM-01", "value": 3.5},
                          {"metric": "GM-01", "group": "low-income", "value": 14, "n": 812, "year": 2025, "source": "2025 family survey"}]}
            """;

    @Bean
    OpenAPI equityAdvisorOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Equity Advisor").version(KnowledgeBase.version())
                        .description("Rule-based, explained digital-equity advice and plans for K-12 school districts. Every request signs in with "
                                + "HTTP Basic (the users file of `serve`); every error is an RFC 9457 problem detail.")
                        .license(new License().name("See the project's LICENSE")))
                .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A user of the server's users file (`equity-advisor hash-password` makes the password's hash)")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OpenApiCustomizer sharedSchemasAndAnswers(RuleSets ruleSets) {
        return api -> {
            Components components = api.getComponents();
            components.addSchemas("AssessmentInput", assessmentSchema(ruleSets.active().kb()));
            components.addSchemas("ProblemDetail", problemSchema());
            components.addResponses("InvalidInput", problem("The input is not valid: every problem, each naming its field (and line, for a body)"));
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> shared(path, operation)));
        };
    }

    /** The answers any operation may give before its controller runs, or for the reasons every endpoint shares. */
    private static void shared(String path, Operation operation) {
        ApiResponses responses = operation.getResponses();
        responses.putIfAbsent("401", problem("Sign-in required: no user name and password, or a wrong one"));
        responses.putIfAbsent("403", problem("Your role may not use this endpoint (leaders: plans and advice; coaches: rules; admins: everything)"));
        responses.putIfAbsent("429", problem("Too many failed sign-ins for this user or from this address; Retry-After says when to try again"));
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("400", new ApiResponse().$ref(INVALID));
            responses.putIfAbsent("413", problem("The body is larger than this server takes (equityadvisor.limits.body-size)"));
            responses.putIfAbsent("415", problem("The body's Content-Type is not one this endpoint reads"));
        }
        if (path.contains("{id}")) {
            responses.putIfAbsent("404", problem("No such plan, or not one of your districts' plans"));
        }
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> error = new ObjectSchema().description("One problem: where, and what is wrong there")
                .addProperty("field", new StringSchema().example("measures[3].value")).addProperty("message", new StringSchema().example("140 is above 100"));
        return new ObjectSchema().description("An RFC 9457 problem detail; errors lists every problem of the input")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Invalid input"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("measures[3].value: 140 is above 100"))
                .addProperty("instance", new StringSchema().example("/api/advice"))
                .addProperty("errors", new ArraySchema().items(error))
                .addProperty("quota", new StringSchema().description("507: the quota that was reached"))
                .required(java.util.List.of("title", "status"));
    }

    /** The assessment's JSON Schema (2020-12, as OpenAPI 3.1 takes it), with the ids of the rule set that answers. */
    @SuppressWarnings("rawtypes")
    static Schema assessmentSchema(KnowledgeBase kb) {
        try {
            ObjectNode schema = (ObjectNode) Json31.mapper().readTree(AssessmentSchema.write(kb));
            schema.remove("$schema");
            Schema<?> out = Json31.mapper().treeToValue(schema, Schema.class);
            out.setExample(Json31.mapper().readValue(ASSESSMENT_EXAMPLE, Map.class));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the assessment schema is written by this program", e);
        }
    }
}
