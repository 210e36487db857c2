package org.equityadvisor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.equityadvisor.scenario.DiffReport;
import org.equityadvisor.scenario.RuleSetDiff;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two rule sets' advice over every scenario, every assessment given and the public districts: per district the goals,",
                "actions, partners and findings added, dropped or re-ranked, and a summary. Exit 1 when a scenario's expectations change outcome."})
final class RulesDiffCommand implements Callable<Integer> {

    static final String BUNDLED = "bundled";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "the rule set folder before the change ('bundled' for the rules in the jar)")
    String before;

    @Parameters(index = "1", paramLabel = "NEW", description = "the rule set folder after the change ('bundled' for the rules in the jar)")
    String after;

    @Option(names = "--scenarios", paramLabel = "DIR", description = "the scenarios folder (default: ./scenarios if present; 'none' for none)")
    String scenarios;

    @Option(names = "--assessments", paramLabel = "DIR", description = "a folder of assessment files (*.yaml, *.yml, *.json) to compare over too")
    Path assessments;

    @Option(names = "--public", paramLabel = "STATE|all", description = "also compare over the bundled public districts: all, or one state (code or name)")
    String publicState;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = Format.class, description = "text (default), markdown or json")
    DiffReport.Format format;

    @Override
    public Integer call() {
        KnowledgeBase old = load(before);
        KnowledgeBase edited = load(after);
        Path scenarioFolder = scenarioFolder();
        long start = System.nanoTime();
        DiffReport report = RuleSetDiff.compare(old, edited, RuleSetDiff.Districts.of(scenarioFolder, assessments, publicState));
        spec.commandLine().getOut().print(report.render(format));
        spec.commandLine().getErr().printf(Locale.ROOT, "Compared %d districts in %.1f s.%n", report.compared(), (System.nanoTime() - start) / 1e9);
        return report.outcomeChanges().isEmpty() ? Main.OK : Main.FINDINGS;
    }

    private Path scenarioFolder() {
        if ("none".equals(scenarios)) {
            return null;
        }
        if (scenarios != null) {
            return Path.of(scenarios);
        }
        return Files.isDirectory(ScenariosOption.DEFAULT) ? ScenariosOption.DEFAULT : null;
    }

    private static KnowledgeBase load(String folder) {
        Path dir = Path.of(folder);
        if (!Files.isDirectory(dir) && BUNDLED.equals(folder)) {
            return KnowledgeBase.loadBundled();
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException(folder, new Problem(folder, "is not a folder of rules (nor 'bundled')"));
        }
        return KnowledgeBase.load(dir);
    }

    static final class Format implements CommandLine.ITypeConverter<DiffReport.Format> {
        @Override
        public DiffReport.Format convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "text", "txt" -> DiffReport.Format.TEXT;
                case "markdown", "md" -> DiffReport.Format.MARKDOWN;
                case "json" -> DiffReport.Format.JSON;
                default -> throw new CommandLine.TypeConversionException("'" + value + "' is not a format: use text, markdown or json");
            };
        }
    }
}
