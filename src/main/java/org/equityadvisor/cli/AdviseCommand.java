package org.equityadvisor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.equityadvisor.export.AdviceWriter;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Advice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "advise", mixinStandardHelpOptions = true,
        description = "Ranked, explained advice for one assessment (JSON or YAML; a scenario file works too).")
final class AdviseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Mixin
    LanguageOption lang;

    @Parameters(paramLabel = "FILE", description = "the assessment")
    Path file;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "text (default), json (the Advice JSON of contract.md) or markdown")
    AdviceWriter.Format format;

    @Override
    public Integer call() {
        KnowledgeBase kb = rules.load();
        Advice advice = lang.apply(Inputs.advisor(kb)).advise(Inputs.assessment(kb, file));
        int width = format == AdviceWriter.Format.TEXT ? BatchCommand.Terminal.columns(AdviceWriter.WIDTH) : AdviceWriter.WIDTH;
        spec.commandLine().getOut().print(AdviceWriter.write(advice, format, width));
        return Main.OK;
    }
}
