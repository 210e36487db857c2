package org.equityadvisor.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.InputException;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `rules diff` as a library: what two rule sets' advice differs in, district by district. */
class RuleSetDiffTest {

    private static final String OFFLINE = """
            name: Offline families
            district: { name: Offline Unified, enrollment: 3000 }
            measures:
              - { metric: GM-01, value: 12 }
            expect:
              suggest: [AS-09]
            """;
    private static final String CONNECTED = """
            name: Connected families
            district: { name: Connected Unified, enrollment: 3000 }
            answers: { SA-ACC-07: 3 }
            measures:
              - { metric: GM-01, value: 1 }
            expect:
              notSuggest: [AS-09]
            """;

    @TempDir
    Path tmp;

    private Path scenarios() {
        Fixtures.write(tmp.resolve("scenarios/offline.yaml"), OFFLINE);
        Fixtures.write(tmp.resolve("scenarios/connected.yaml"), CONNECTED);
        return tmp.resolve("scenarios");
    }

    /** The fixture rule set without the hotspot map: the hotspot rule suggests only its partner. */
    private KnowledgeBase withoutHotspotMap() throws Exception {
        Path rules = Fixtures.copy(Fixtures.FIXTURE_RULES, tmp);
        Path access = rules.resolve("access.drl");
        Files.writeString(access, Files.readString(access).replaceFirst("    insert\\( new Suggestion\\(\"AS-09\"\\) \\);\n", ""));
        return KnowledgeBase.load(rules);
    }

    @Test
    void theSameRuleSetChangesNoDistrict() {
        KnowledgeBase kb = Fixtures.fixture();

        DiffReport report = RuleSetDiff.compare(kb, kb, RuleSetDiff.Districts.of(scenarios(), null, null));

        assertThat(report.compared()).isEqualTo(2);
        assertThat(report.same()).isTrue();
        assertThat(report.render(DiffReport.Format.TEXT)).contains("No change: the advice of all 2 districts compared is the same");
    }

    @Test
    void aDroppedSuggestionIsListedForTheDistrictThatLosesItAndFlipsItsScenario() throws Exception {
        DiffReport report = RuleSetDiff.compare(Fixtures.fixture(), withoutHotspotMap(), RuleSetDiff.Districts.of(scenarios(), null, null));

        assertThat(report.changed()).singleElement().satisfies(d -> {
            assertThat(d.district()).isEqualTo("Offline families");
            assertThat(d.actions()).contains(new DiffReport.Change("AS-09", DiffReport.ChangeKind.DROPPED, "G-CONNECT #1", null));
            assertThat(d.findings()).isEmpty();
        });
        assertThat(report.outcomeChanges()).singleElement().satisfies(o -> {
            assertThat(o.file()).endsWith("offline.yaml");
            assertThat(o.passedBefore()).isTrue();
            assertThat(o.passedAfter()).isFalse();
            assertThat(o.failures()).anyMatch(f -> f.contains("expected AS-09 to be suggested"));
        });
        assertThat(report.vanishMost()).contains(new DiffReport.Count("AS-09", 1));
    }

    @Test
    void rendersTheSameChangeAsTextMarkdownAndJson() throws Exception {
        DiffReport report = RuleSetDiff.compare(Fixtures.fixture(), withoutHotspotMap(), RuleSetDiff.Districts.of(scenarios(), null, null));

        assertThat(report.render(DiffReport.Format.TEXT)).contains("1 of 2 districts' advice changed; 1 scenario changed outcome.",
                "PASS → FAIL", "actions: − AS-09 (G-CONNECT #1)", "Vanish most: AS-09 in 1 district");
        assertThat(report.render(DiffReport.Format.MARKDOWN)).contains("# Rules diff: `sha256:", "## Scenarios whose advice changed (1)",
                "### Offline families", "- actions: − AS-09 (G-CONNECT #1)");
        JsonNode json = new ObjectMapper().readTree(report.render(DiffReport.Format.JSON));
        assertThat(json.at("/summary/changed").asInt()).isEqualTo(1);
        assertThat(json.at("/changed/0/actions/0/id").asText()).isEqualTo("AS-09");
        assertThat(json.at("/changed/0/actions/0/change").asText()).isEqualTo("DROPPED");
        assertThat(json.at("/outcomeChanges/0/passedAfter").asBoolean()).isFalse();
    }

    @Test
    void comparesOverAFolderOfAssessmentsToo() throws Exception {
        Fixtures.write(tmp.resolve("districts/a.yaml"), OFFLINE.replaceAll("(?s)expect:.*", "").replace("name: Offline families\n", ""));
        Fixtures.write(tmp.resolve("districts/notes.txt"), "not an assessment");

        DiffReport report = RuleSetDiff.compare(Fixtures.fixture(), withoutHotspotMap(), RuleSetDiff.Districts.of(null, tmp.resolve("districts"), null));

        assertThat(report.compared()).isEqualTo(1);
        assertThat(report.skipped()).isEmpty();
        assertThat(report.changed()).singleElement().extracting(DiffReport.DistrictDiff::kind).isEqualTo(DiffReport.Kind.ASSESSMENT);
        assertThat(report.outcomeChanges()).isEmpty();
    }

    @Test
    void comparesOverTheBundledPublicDistrictsOfOneState() throws Exception {
        DiffReport report = RuleSetDiff.compare(Fixtures.fixture(), withoutHotspotMap(), RuleSetDiff.Districts.of(null, null, "Vermont"));

        assertThat(report.compared()).isGreaterThan(50);
        assertThat(report.changed()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DiffReport.Kind.PUBLIC);
            assertThat(d.file()).startsWith("NCES 50");
            assertThat(d.actions()).extracting(DiffReport.Change::id).containsExactly("AS-09");
        });
    }

    @Test
    void anUnknownStateIsBadInput() {
        KnowledgeBase kb = Fixtures.fixture();

        assertThatThrownBy(() -> RuleSetDiff.compare(kb, kb, RuleSetDiff.Districts.of(null, null, "Atlantis")))
                .isInstanceOf(InputException.class).hasMessageContaining("'Atlantis' is neither all nor a state");
    }
}
