package org.equityadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.equityadvisor.imports.AssessmentWriter;
import org.equityadvisor.imports.StateImport;
import org.equityadvisor.knowledge.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "state", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Turn a state's collection (one row per district) into one assessment per district, named by the state's district id.",
            "The mapping file names the columns; cells the state suppressed (<10) or marked unknown leave their figure out and say so.",
            "Exit 1 when rows were rejected (each is listed with its line and reason), 2 for bad input."})
final class ImportStateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the collection, CSV in UTF-8 with a header row")
    Path file;

    @Option(names = "--mapping", required = true, paramLabel = "FILE", description = "the mapping file (YAML), e.g. docs/examples/illinois-2020-21.mapping.yaml")
    Path mapping;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write one assessment per district into")
    Path out;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        KnowledgeBase kb = rules.load();
        StateImport state = StateImport.withMapping(mapping, kb);
        PrintWriter err = spec.commandLine().getErr();
        AssessmentWriter writer = new AssessmentWriter(kb);
        String name = ImportCommand.name(file);
        int[] replaced = {0};
        StateImport.Summary summary = state.read(file, row -> {
            String at = name + ":" + row.line();
            if (row.rejected()) {
                err.println("Rejected " + at + (row.id() == null ? "" : " (" + row.id() + ")") + ": " + row.rejection());
                return;
            }
            row.warnings().forEach(w -> err.println("Warning " + at + " (" + row.id() + "): " + w));
            List<String> heading = new ArrayList<>();
            heading.add(row.assessment().district().name() + ": row " + row.id() + " of " + name + " (line " + row.line() + ")"
                    + (state.source() == null ? "" : ", " + state.source()) + ".");
            row.warnings().forEach(w -> heading.add("Left out: " + w));
            row.notes().forEach(n -> heading.add("Not given: " + n));
            Path target = out.resolve(fileName(row.id()));
            if (Files.exists(target)) {
                replaced[0]++;
            }
            AssessmentTarget.save(target, writer.yaml(row.assessment(), heading));
        });
        err.println(summary.text() + "; written to " + out + (replaced[0] > 0 ? " (" + replaced[0] + " files replaced)" : ""));
        return summary.rejected() > 0 ? Main.FINDINGS : Main.OK;
    }

    /** The state's id as a file name: letters, digits, '.', '-' and '_' kept, the rest replaced. */
    static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_") + ".yaml";
    }
}
