package org.equityadvisor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.Problem;
import org.equityadvisor.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The districts' plans of one state under the fields of a State Digital Equity Plan (rules/ntia.yaml), as CSV
 * or JSON for the state's own report. Reads plan files (*.json) from folders or names; a file that is not a
 * plan stops the run with its name and line, so no district is silently left out.
 */
@Command(name = "rollup", mixinStandardHelpOptions = true,
        description = "Roll the plans of one state up into the NTIA State Digital Equity Plan fields (covered populations, measurable objectives).")
final class RollupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Parameters(paramLabel = "PLANS", arity = "1..*", description = "plan files, or folders of them (*.json, not recursive)")
    List<Path> inputs;

    @Option(names = "--state", required = true, paramLabel = "XX", description = "the state's two-letter code, as the plans' districts have it")
    String state;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv or json")
    String format;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "the day outcomes are judged on (default: today)")
    LocalDate on;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write (default: standard output)")
    Path out;

    @Override
    public Integer call() {
        if (!state.strip().matches("[A-Za-z]{2}")) {
            throw new InputException("--state", new Problem("--state", "'" + state + "' is not a two-letter state code"));
        }
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("json")) {
            throw new InputException("--format", new Problem("--format", "'" + format + "' is not one of csv, json"));
        }
        List<Plan> plans = new ArrayList<>();
        for (Path input : inputs) {
            for (Path file : files(input)) {
                plans.add(PlanCommand.read(file));
            }
        }
        Progress.Rollup rollup = new Progress(rules.load()).rollup(state, plans, PlanProgressCommands.day(on));
        String text = f.equals("csv") ? rollup.csv() : rollup.json();
        if (out == null) {
            spec.commandLine().getOut().print(text);
        } else {
            PlanCommand.write(out, text.getBytes(StandardCharsets.UTF_8));
        }
        spec.commandLine().getErr().println("Rolled up " + rollup.plans() + " plans of " + rollup.state() + (rollup.otherPlans() == 0 ? ""
                : "; left out " + rollup.otherPlans() + " of another state or of no state (their assessment's district.state)") + (out == null ? "." : "; wrote " + out + "."));
        return Main.OK;
    }

    private static List<Path> files(Path input) {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        if (!Files.isDirectory(input)) {
            throw new InputException(input.toString(), new Problem(input.toString(), "is neither a plan file nor a folder of them"));
        }
        try (Stream<Path> list = Files.list(input)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new InputException(input.toString(), new Problem(input.toString(), "cannot be read: " + e.getMessage()));
        }
    }
}
