package org.equityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `rules doc --out DIR` writes "How the advisor decides" as pages a browser opens. */
class RulesDocCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesAnIndexAndAPagePerRule() throws Exception {
        Files.createDirectories(tmp.resolve("scenarios"));
        StringWriter out = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "rules", "doc", "--rules", Fixtures.FIXTURE_RULES.toString(),
                "--scenarios", tmp.resolve("scenarios").toString(),
                "--out", tmp.resolve("doc").toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Wrote 14 pages (13 rules and the index)");
        assertThat(Files.readString(tmp.resolve("doc/index.html"))).contains("How the advisor decides",
                "href=\"suggest-a-help-desk-when-family-tech-support-is-weak.html\"");
        assertThat(Files.readString(tmp.resolve("doc/suggest-a-help-desk-when-family-tech-support-is-weak.html")))
                .contains("<h2>Suggests</h2>", "AS-16", "<a href=\"index.html\">All rules</a>");
    }

    @Test
    void anUnknownFormatIsBadUsage() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "rules", "doc", "--rules", Fixtures.FIXTURE_RULES.toString(),
                "--out", tmp.toString(), "--format", "pdf");

        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("'pdf' is not a format: use html or markdown");
    }
}
