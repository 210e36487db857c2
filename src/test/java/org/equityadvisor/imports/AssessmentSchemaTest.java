package org.equityadvisor.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published schema is the rule set's, and editors using it accept every real assessment and catch typical mistakes. */
class AssessmentSchemaTest {

    private static final Path PUBLISHED = Path.of("docs/assessment.schema.json");
    private static KnowledgeBase kb;
    private static JsonSchema schema;

    @BeforeAll
    static void load() {
        kb = KnowledgeBase.load(Path.of("rules"));
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(AssessmentSchema.write(kb));
    }

    @Test
    void publishedSchemaIsTheBundledRuleSets() throws IOException {
        assertThat(Files.readString(PUBLISHED, StandardCharsets.UTF_8))
                .as("docs/assessment.schema.json is stale: run java -jar target/equity-advisor.jar schema --out docs/assessment.schema.json")
                .isEqualTo(AssessmentSchema.write(kb));
    }

    @Test
    void acceptsEveryScenario() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("scenarios"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(validate(Files.readString(file, StandardCharsets.UTF_8))).as(file.toString()).isEmpty();
        }
    }

    @Test
    void catchesAnUnknownIndicatorALevelOutOfRangeAndATypoInAField() throws IOException {
        Set<ValidationMessage> errors = validate("""
                district: { name: Riverbend, id: "0612345" }
                answers: { SA-ACC-99: 2, SA-ACC-01: 5 }
                measures:
                  - { metric: GM-01, value: 12, sorce: survey }
                """);

        assertThat(errors).extracting(ValidationMessage::getInstanceLocation).map(Object::toString)
                .contains("$.answers", "$.answers.SA-ACC-01", "$.measures[0]");
    }

    @Test
    void offersIndicatorsWithTheirTitles() {
        JsonNode answers = AssessmentSchema.of(kb).path("properties").path("answers").path("properties");

        assertThat(answers.size()).isEqualTo(kb.indicators().size());
        assertThat(answers.path("SA-ACC-01").path("title").asText()).isEqualTo(kb.indicators().get("SA-ACC-01").title());
    }

    private static Set<ValidationMessage> validate(String yaml) throws IOException {
        ObjectNode doc = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(yaml);
        // YAML reads planStart as text already; JSON Schema sees exactly what an editor would.
        return schema.validate(doc);
    }
}
