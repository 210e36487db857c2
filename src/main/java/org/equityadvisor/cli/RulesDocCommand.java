package org.equityadvisor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.scenario.RuleBook;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "doc", mixinStandardHelpOptions = true,
        description = {"Write \"How the advisor decides\": a page per rule (why, stage, divide, conditions, what it suggests, sources,",
                "the scenarios where it fires and its near misses) and an index, as HTML or Markdown."})
final class RulesDocCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Option(names = "--scenarios", paramLabel = "DIR", description = "the scenarios that show where each rule fires (default: ./scenarios if present)")
    Path scenarios;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write the pages to (created if needed)")
    Path out;

    @Option(names = "--format", defaultValue = "html", paramLabel = "FORMAT", converter = Format.class, description = "html (default) or markdown")
    RuleBook.Format format;

    @Override
    public Integer call() {
        KnowledgeBase kb = rules.load();
        Path folder = scenarios != null ? scenarios : Files.isDirectory(ScenariosOption.DEFAULT) ? ScenariosOption.DEFAULT : null;
        int pages = RuleBook.of(kb, folder).write(out, format);
        spec.commandLine().getOut().println("Wrote " + pages + " pages (" + (pages - 1) + " rules and the index) to " + out + "; open "
                + out.resolve(RuleBook.INDEX + format.extension()));
        return Main.OK;
    }

    static final class Format implements CommandLine.ITypeConverter<RuleBook.Format> {
        @Override
        public RuleBook.Format convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "html" -> RuleBook.Format.HTML;
                case "markdown", "md" -> RuleBook.Format.MARKDOWN;
                default -> throw new CommandLine.TypeConversionException("'" + value + "' is not a format: use html or markdown");
            };
        }
    }
}
