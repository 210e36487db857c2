package org.equityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.equityadvisor.imports.PublicFigures;
import org.equityadvisor.testing.Fixtures;
import org.equityadvisor.testing.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** batch as a state coordinator runs it: every district of a state, one broken row, and what comes out. */
class BatchCliTest {

    private static final String RULES = ImportCliTest.RULES;

    @TempDir
    Path tmp;

    private static ImportCliTest.Run run(String... args) {
        return ImportCliTest.run(args);
    }

    /** Every Vermont district of the public table as a state's sheet would hold it, with the fifth row broken (no name). */
    private Path vermont() {
        StringBuilder csv = new StringBuilder("LEA,Name,Children,Offline %\n");
        List<PublicFigures.DistrictFigures> districts = PublicFigures.bundled().inState("VT");
        for (int i = 0; i < districts.size(); i++) {
            PublicFigures.DistrictFigures d = districts.get(i);
            csv.append(String.format(Locale.ROOT, "VT%03d,\"%s\",%d,%.1f%n", i, i == 4 ? "" : d.name(), Math.max(1, d.children()), d.noComputerOrBroadband()));
        }
        Path file = tmp.resolve("vermont.csv");
        Fixtures.write(file, csv.toString());
        Fixtures.write(tmp.resolve("vermont.mapping.yaml"), """
                source: Vermont digital equity survey 2026
                year: 2026
                state: VT
                id: LEA
                district: { name: Name, enrollment: Children }
                measures:
                  - { metric: GM-01, percent: Offline % }
                """);
        return file;
    }

    @Test
    void advisesAWholeStateNamesTheBrokenRowWritesTheOthersAndExitsOne() throws Exception {
        Path csv = vermont();
        Path out = tmp.resolve("out");

        ImportCliTest.Run run = run("batch", csv.toString(), "--mapping", tmp.resolve("vermont.mapping.yaml").toString(), "--out", out.toString(), "--rules", RULES);

        assertThat(run.code()).isEqualTo(Main.FINDINGS);
        assertThat(run.err()).contains("Rejected VT004: vermont.csv:6: no district name in column 'Name'", "61 inputs: 60 advised, 1 rejected");
        assertThat(run.err()).as("no progress bar when stderr is not a terminal").doesNotContain("\r", "Advising");
        List<String> advice = Files.readAllLines(out.resolve("advice.jsonl"));
        assertThat(advice).hasSize(60);
        assertThat(advice.get(0)).startsWith("{\"input\":\"VT000\"");
        assertThat(advice.get(4)).as("input order, the broken row left out").startsWith("{\"input\":\"VT005\"");
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).hasSize(61);
        assertThat(Files.readAllLines(out.resolve("rejected.csv"))).containsExactly("input,reason", "VT004,vermont.csv:6: no district name in column 'Name'");
    }

    @Test
    void advisesEveryDistrictOfAStateFromThePublicFigures() throws Exception {
        Path out = tmp.resolve("de");

        ImportCliTest.Run run = run("batch", "--public", "DE", "--out", out.toString(), "--rules", RULES);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("16 inputs: 16 advised, 0 rejected;");
        assertThat(Files.readAllLines(out.resolve("advice.jsonl"))).hasSize(16).first().asString().startsWith("{\"input\":\"1000080\"");
        assertThat(Files.readAllLines(out.resolve("summary.csv")).get(1)).startsWith("1000080,Appoquinimink School District,");
    }

    @Test
    void advisesAFolderOfAssessments() throws Exception {
        ImportCliTest.Run run = run("batch", Fixtures.SCENARIOS.toString(), "--out", tmp.resolve("s").toString(), "--rules", RULES);

        long scenarios;
        try (var files = Files.list(Fixtures.SCENARIOS)) {
            scenarios = files.filter(f -> f.toString().endsWith(".yaml")).count();
        }
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("s/advice.jsonl"))).hasSize((int) scenarios);
    }

    @Test
    void refusesInputsItCannotRead() {
        assertThat(run("batch", "--public", "Narnia", "--out", tmp.toString(), "--rules", RULES).err()).contains("'Narnia' is not a state of the public figures");
        ImportCliTest.Run none = run("batch", "--out", tmp.toString(), "--rules", RULES);
        assertThat(none.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(none.err()).contains("give a folder or a state CSV, or --public STATE|all");
        Fixtures.write(tmp.resolve("x.csv"), "a,b\n");
        assertThat(run("batch", tmp.resolve("x.csv").toString(), "--out", tmp.resolve("o").toString(), "--rules", RULES).err())
                .contains("a state CSV needs its mapping file");
    }

    @Test
    void advisesTheRealIllinoisReport() throws Exception {
        Path csv = RealData.file(RealData.ILLINOIS);
        Path out = tmp.resolve("il");

        ImportCliTest.Run run = run("batch", csv.toString(), "--mapping", "docs/examples/illinois-2020-21.mapping.yaml", "--out", out.toString(), "--rules", RULES);

        assertThat(run.code()).isEqualTo(Main.FINDINGS);
        assertThat(run.err()).contains("656 inputs: 631 advised, 25 rejected",
                "Rejected 150162990250000: illinois_district_home_connectivity_2020_21.csv:238: the id 150162990250000 is on lines 238, 239",
                "Warning illinois_district_home_connectivity_2020_21.csv:113: GM-01: 842 students");
        assertThat(Files.readAllLines(out.resolve("advice.jsonl"))).hasSize(631);
    }
}
