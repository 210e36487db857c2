package org.equityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user outside the project folder: no rules/ and no scenarios/ there, yet every command works. */
class AnyFolderTest {

    @TempDir
    Path elsewhere;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dequityadvisor.cache=" + System.getProperty("equityadvisor.cache", "off"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path out = elsewhere.resolve("out.txt");
        Path err = elsewhere.resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(elsewhere.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void advisesWithTheBundledRulesAndSaysSo() throws Exception {
        String district = new File("scenarios/riverbend-rural-high-poverty.yaml").getAbsolutePath();

        Run run = run("advise", district);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Equity Advisor: Riverbend");
        assertThat(run.err()).contains("Using the rules bundled with equity-advisor", "sha256:");
    }

    @Test
    void testsTheBundledRulesAgainstTheBundledScenarios() throws Exception {
        Run run = run("rules", "test");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).contains("Using the scenarios bundled with the jar");
        assertThat(run.out().strip()).endsWith("0 failed").doesNotStartWith("0 passed");
    }
}
