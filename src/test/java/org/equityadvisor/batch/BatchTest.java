package org.equityadvisor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.imports.PublicFigures;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchTest {

    private static final KnowledgeBase KB = Fixtures.bundled();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Batch.Report run(Batch.Source source, Path out, int threads, List<String> said) {
        return new Batch(new Advisor(KB, CLOCK), threads).run(source, out, new Batch.Progress() {
            @Override
            public void rejected(String key, String reason) {
                said.add("rejected " + key + ": " + reason);
            }
        });
    }

    private Path folder() {
        Path in = tmp.resolve("in");
        Fixtures.write(in.resolve("b-riverbend.yaml"), "district: { name: Riverbend Unified, enrollment: 4200 }\nmeasures:\n  - { metric: GM-01, value: 14, n: 4100 }\n");
        Fixtures.write(in.resolve("a-lakeside.yaml"), "district: { name: Lakeside }\nanswers: { SA-DES-05: 1 }\n");
        Fixtures.write(in.resolve("c-broken.yaml"), "district: { name: Broken }\nmeasures:\n  - { metric: GM-01, value: 140 }\n");
        Fixtures.write(in.resolve("notes.txt"), "not an assessment");
        return in;
    }

    @Test
    void advisesAFolderInNameOrderAndRejectsTheBrokenFileWithItsReason() throws Exception {
        List<String> said = new ArrayList<>();
        Path out = tmp.resolve("out");

        Batch.Report report = run(Batch.folder(folder(), new AssessmentReader(KB)), out, 2, said);

        assertThat(report.items()).isEqualTo(3);
        assertThat(report.advised()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.ruleSet()).isEqualTo(KB.hash());
        List<String> lines = Files.readAllLines(out.resolve(Batch.ADVICE));
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("input").asText()).isEqualTo("a-lakeside.yaml");
        assertThat(first.get("district").asText()).isEqualTo("Lakeside");
        assertThat(first.get("ruleSet").asText()).isEqualTo(KB.hash());
        assertThat(json.readTree(lines.get(1)).get("input").asText()).isEqualTo("b-riverbend.yaml");
        List<String> summary = Files.readAllLines(out.resolve(Batch.SUMMARY));
        assertThat(summary.get(0)).isEqualTo("input,district,top_goals,gaps,data_gaps,rule_set");
        assertThat(summary.get(2)).startsWith("b-riverbend.yaml,Riverbend Unified,G-CONNECT").contains("GM-01").endsWith(KB.hash());
        assertThat(Files.readAllLines(out.resolve(Batch.REJECTED))).hasSize(2).last().asString()
                .startsWith("c-broken.yaml,").contains("c-broken.yaml:3: measures[0].value: 140 is above 100");
        assertThat(said).containsExactly("rejected c-broken.yaml: " + folder().resolve("c-broken.yaml") + ":3: measures[0].value: 140 is above 100");
    }

    @Test
    void writesTheSameBytesOnOneThreadAsOnSeveral() throws Exception {
        List<PublicFigures.DistrictFigures> delaware = PublicFigures.bundled().inState("DE");
        run(Batch.publicFigures(delaware), tmp.resolve("one"), 1, new ArrayList<>());
        run(Batch.publicFigures(delaware), tmp.resolve("four"), 4, new ArrayList<>());

        for (String file : List.of(Batch.ADVICE, Batch.SUMMARY, Batch.REJECTED)) {
            assertThat(Files.readAllBytes(tmp.resolve("four").resolve(file))).as(file).isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(file)));
        }
        assertThat(Files.readAllLines(tmp.resolve("one").resolve(Batch.ADVICE))).hasSize(16);
    }

    @Test
    void rejectsAPublicRowWithoutChildrenAndAdvisesTheRest() throws Exception {
        PublicFigures table = PublicFigures.bundled();
        List<String> said = new ArrayList<>();

        Batch.Report report = run(Batch.publicFigures(List.of(table.district("0401230").orElseThrow(), table.district("0622710").orElseThrow())),
                tmp.resolve("out"), 2, said);

        assertThat(report.advised()).isEqualTo(1);
        assertThat(said).containsExactly("rejected 0401230: the public table counts no children aged 5-17 for Blue Elementary District "
                + "(a placeholder row): there are no public figures to start from");
        String line = Files.readAllLines(tmp.resolve("out").resolve(Batch.ADVICE)).get(0);
        assertThat(line).startsWith("{\"input\":\"0622710\"").contains("17.5% of children living in the district's area have no home internet", "ACS 2014-2018 estimate");
    }
}
