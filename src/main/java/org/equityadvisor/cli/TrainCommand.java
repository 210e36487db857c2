package org.equityadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Runs the everyday commands once, in this one JVM, on the bundled rules and scenarios. The launcher runs it
 * with {@code -XX:ArchiveClassesAtExit} when it makes its class-data archive, so that the archive holds the
 * classes every command needs and each later start skips loading and verifying them (most of a short
 * command's wall time).
 */
@Command(name = "cds-train", hidden = true, description = "Exercise the common commands once (used by the launcher to build its class-data archive).")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenariosOption scenarioFolder;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("equity-advisor-train");
        try {
            // An empty cache: the first command compiles the rules (the path after a rule change), the next load them.
            System.setProperty("equityadvisor.cache", work.resolve("cache").toString());
            Path scenarios = scenarioFolder.folder();
            String district = scenarios.resolve("riverbend-rural-high-poverty.yaml").toString();
            String plan = work.resolve("plan.json").toString();
            List<List<String>> commands = List.of(
                    List.of("--help"), List.of("advise", "--help"),
                    List.of("rules", "check"),
                    List.of("advise", district), List.of("advise", district, "--format", "json"), List.of("advise", district, "--format", "markdown"),
                    List.of("explain", district),
                    List.of("rules", "test", "--scenarios", scenarios.toString()),
                    List.of("plan", "draft", district, "--top", "3", "--out", plan),
                    List.of("plan", "check", plan),
                    List.of("plan", "export", plan, "--format", "pdf", "--out", work.resolve("plan.pdf").toString()),
                    List.of("plan", "export", plan, "--format", "docx", "--out", work.resolve("plan.docx").toString()));
            PrintWriter quiet = new PrintWriter(Writer.nullWriter());
            for (List<String> args : commands) {
                Main.execute(quiet, quiet, args.toArray(String[]::new));
            }
            return Main.OK;
        } finally {
            delete(work);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
