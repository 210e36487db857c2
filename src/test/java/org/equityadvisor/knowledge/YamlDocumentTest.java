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

    private static String problem(String name, String text) {
        InputException e = org.assertj.core.api.Assertions.catchThrowableOfType(InputException.class, () -> YamlDocument.parse(name, text));
        assertThat(e).as("the document should be refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0).toString();
    }

    @Test
    void refusesAYamlAliasWithItsLineInsteadOfReadingItsName() {
        assertThat(problem("a.yaml", "district:\n  name: &n Riverbend\n  locale: *n\n"))
                .isEqualTo("a.yaml:3: district.locale: '*n' is a YAML alias; aliases are not accepted: write the value out in full");
    }

    @Test
    void refusesABillionLaughsInItsFirstLines() {
        StringBuilder laughs = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            laughs.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ", ").repeat(9)).append("x]\n");
        }

        InputException e = org.assertj.core.api.Assertions.catchThrowableOfType(InputException.class, () -> YamlDocument.parse("l.yaml", laughs.toString()));

        assertThat(e.problems()).hasSize(81).first().asString().startsWith("l.yaml:2: b[0]: '*a' is a YAML alias");
    }

    @Test
    void refusesA20MillionCharacterStringBeforeReadingIt() {
        String huge = "x".repeat(20_000_000);

        assertThat(problem("big.json", "{\"district\": {\"name\": \"" + huge + "\"}}"))
                .isEqualTo("big.json:1: is 20,000,026 characters long; a document has at most 2,000,000");
        assertThat(problem("big.yaml", "district:\n  name: " + huge + "\n")).startsWith("big.yaml:1: is 20,000,019 characters long");
    }

    @Test
    void refusesATextOverTheLimitOfAnyFieldWithItsLine() {
        String text = "x".repeat(20_001);

        assertThat(problem("t.yaml", "district:\n  name: " + text + "\n"))
                .isEqualTo("t.yaml:2: district.name: a text of 20,001 characters; a text has at most 20,000");
        assertThat(problem("t.json", "{\n\"district\": {\"name\": \"" + text + "\"}}"))
                .startsWith("t.json:2:").endsWith("a text longer than 20,000 characters, the most any field may hold");
    }

    @Test
    void refusesNestingDeeperThanAnyInputNeeds() {
        String deep = "[".repeat(30) + "]".repeat(30);

        assertThat(problem("d.json", "{\"district\": " + deep + "}")).startsWith("d.json:1:").endsWith("nested more than 20 levels deep; no JSON input needs more");
        assertThat(problem("d.yaml", "district: " + deep + "\n")).startsWith("d.yaml:1").contains("nested more than 20 levels deep");
    }

    @Test
    void refusesLongNumbersAndNumbersThatAreNotFinite() {
        assertThat(problem("n.yaml", "a:\n  b: 1" + "0".repeat(60) + "\n")).isEqualTo("n.yaml:2: a.b: a number of 61 characters; a number has at most 40");
        assertThat(problem("n.yaml", "a: .nan\n")).isEqualTo("n.yaml:1: a: '.nan' is not a finite number");
        assertThat(problem("n.yaml", "a: 1e999\n")).isEqualTo("n.yaml:1: a: '1e999' is not a finite number");
        assertThat(problem("n.json", "{\"a\": 1" + "0".repeat(60) + "}")).startsWith("n.json:1:").endsWith("a number longer than 40 characters");
    }

    @Test
    void refusesControlCharactersNamingTheFieldAndWhereInTheText() {
        assertThat(problem("c.json", "{\"district\": {\n \"name\": \"River\\u001b[31mbend\"}}"))
                .isEqualTo("c.json:2: district.name: contains the control character U+001B at character 6, which cannot be printed; remove it");
        assertThat(problem("c.yaml", "answers:\n  SA-ACC-01:\n    note: \"a\\x07b\"\n"))
                .isEqualTo("c.yaml:3: answers.SA-ACC-01.note: contains the control character U+0007 at character 2, which cannot be printed; remove it");
    }

    @Test
    void keepsTabsLineBreaksAndEveryPrintableLanguage() {
        YamlDocument doc = YamlDocument.parse("u.yaml", "note: \"L\u00ednea\\tuno\\nl\u00ednea dos, \u4e2d\u6587, \u0627\u0644, \ud83d\ude00\"\n");

        assertThat(doc.root().get("note").asText()).isEqualTo("L\u00ednea\tuno\nl\u00ednea dos, \u4e2d\u6587, \u0627\u0644, \ud83d\ude00");
    }

    @Test
    void refusesASecondDocument() {
        assertThat(problem("two.yaml", "district:\n  name: A\n---\ndistrict:\n  name: B\n"))
                .isEqualTo("two.yaml:4: a second YAML document (after ---); a file holds one document");
        assertThat(problem("two.json", "{\"a\": 1}\n{\"a\": 2}")).isEqualTo("two.json:2: more JSON after the end of the document; a file holds one object");
    }

    @Test
    void readsAFileThatStartsWithAByteOrderMark() {
        assertThat(YamlDocument.parse("bom.json", "\uFEFF{\"a\": 1}").root().get("a").asInt()).isEqualTo(1);
    }

    @Test
    void placesEmptyAndNullValuesOnTheirOwnLines() {
        YamlDocument doc = YamlDocument.parse("n.yaml", "a:\n  b:\n  c: ''\n  d: true\nx:\n  b:\n  c: ''\n  d: true\n");

        assertThat(doc.place("a.b")).isEqualTo("n.yaml:2: a.b");
        assertThat(doc.place("x.b")).isEqualTo("n.yaml:6: x.b");
        assertThat(doc.place("a.c")).isEqualTo("n.yaml:3: a.c");
        assertThat(doc.place("a.d")).isEqualTo("n.yaml:4: a.d");
    }
}
