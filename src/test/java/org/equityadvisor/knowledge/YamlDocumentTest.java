package org.equityadvisor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equityadvisor.model.InputException;
import org.junit.jupiter.api.Test;

class YamlDocumentTest {

    @Test
    void remembersTheLineOfEveryNodeAndPlacesAPath() {
        YamlDocument doc = YamlDocument.parse("a.yaml", "district:\n  name: X\nmeasures:\n  - metric: GM-01\n    value: 140\n");

        assertThat(doc.place("measures[0].value")).isEqualTo("a.yaml:5: measures[0].value");
        assertThat(doc.place("measures[0].group")).as("a missing field is placed at its parent").isEqualTo("a.yaml:4: measures[0].group");
        assertThat(doc.place("district.name")).isEqualTo("a.yaml:2: district.name");
    }

    @Test
    void reportsMalformedYamlWithLineAndColumn() {
        assertThatThrownBy(() -> YamlDocument.parse("bad.yaml", "district:\n  name: [unclosed\nmeasures: 3\n"))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).singleElement().asString().startsWith("bad.yaml:").contains("malformed YAML"));
    }

    @Test
    void reportsMalformedJsonWithLineAndColumn() {
        assertThatThrownBy(() -> YamlDocument.parse("bad.json", "{\n  \"district\": {\"name\": \"X\",}\n}"))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).singleElement().asString().startsWith("bad.json:2:").contains("malformed JSON"));
    }

    @Test
    void reportsADuplicateKeyThatJacksonWouldSilentlyOverwrite() {
        assertThatThrownBy(() -> YamlDocument.parse("dup.yaml", "answers:\n  SA-ACC-01: 2\n  SA-ACC-01: 3\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("dup.yaml:3: duplicate key 'SA-ACC-01'");
    }
}
