package org.equityadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.scenario.Coverage;
import org.equityadvisor.scenario.ScenarioResult;
import org.equityadvisor.scenario.ScenarioSuite;
import org.equityadvisor.scenario.SuiteResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run every scenario's expectations; the last line is 'N passed, M failed' (exit 1 on any failure).")
final class RulesTestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Mixin
    ScenariosOption scenarioFolder;

    @Option(names = "--coverage", description = "also list every rule and catalog entry no scenario exercised (and fail if any)")
    boolean coverage;

    @Override
    public Integer call() {
        Path scenarios = scenarioFolder.folder();
        PrintWriter out = spec.commandLine().getOut();
        KnowledgeBase kb = rules.load();
        ScenarioSuite suite = ScenarioSuite.load(scenarios, kb);
        SuiteResult result = suite.run(new Advisor(kb));
        for (ScenarioResult r : result.results()) {
            out.println((r.passed() ? "PASS " : "FAIL ") + r.scenario().name() + "  (" + r.scenario().file() + ")");
            r.failures().forEach(f -> out.println("     " + f.replace("\n", "\n     ")));
        }
        if (!result.generated().isEmpty()) {
            for (ScenarioResult r : result.generated()) {
                if (!r.passed()) {
                    out.println("FAIL " + r.scenario().file() + " " + r.scenario().name() + "  (" + r.scenario().description() + ")");
                    r.failures().forEach(f -> out.println("     " + f.replace("\n", "\n     ")));
                }
            }
            long generatedFailed = result.generated().stream().filter(r -> !r.passed()).count();
            out.println("Trigger table: " + kb.triggers().size() + " rows, " + (result.generated().size() - result.nearMisses()) + " firing cases and "
                    + result.nearMisses() + " near misses generated from them; " + (generatedFailed == 0 ? "all passed" : generatedFailed + " failed"));
        }
        boolean ok = result.failed() == 0 && !result.results().isEmpty();
        if (result.results().isEmpty()) {
            out.println("No scenarios in " + scenarios + ": a run that tests nothing fails.");
        }
        if (coverage) {
            Coverage c = result.coverage();
            list(out, "Rules that no scenario fired", c.rulesNeverFired());
            list(out, "Rules without a near miss (no scenario lists them under notFired)", c.rulesWithoutNearMiss());
            list(out, "Catalog entries no scenario suggested", c.entriesNeverSuggested());
            if (c.complete()) {
                out.println("Coverage: every rule fired and had a near miss; every catalog entry was suggested.");
            }
            ok &= c.complete();
        }
        out.println(result.passed() + " passed, " + result.failed() + " failed");
        return ok ? Main.OK : Main.FINDINGS;
    }

    private static void list(PrintWriter out, String title, List<String> items) {
        if (!items.isEmpty()) {
            out.println(title + " (" + items.size() + "):");
            items.forEach(i -> out.println("  " + i));
        }
    }
}
