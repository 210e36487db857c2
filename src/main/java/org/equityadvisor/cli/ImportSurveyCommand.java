package org.equityadvisor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.equityadvisor.imports.ImportReport;
import org.equityadvisor.imports.SurveyImport;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Assessment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "survey", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Turn a home-access survey CSV (one row per student or household) into the district's gap figures, for the district and each group.",
            "Columns named after the Ed-Fi elements and answers in the standard wording are read as they are; a mapping file names other columns and answers.",
            "Exit 1 when rows were skipped for problems (each is listed with its line and column), 2 for bad input."})
final class ImportSurveyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the survey, CSV in UTF-8 with a header row")
    Path file;

    @Mixin
    ImportOptions options;

    @Mixin
    AssessmentTarget target;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        KnowledgeBase kb = rules.load();
        Assessment base = ImportCommand.base(target, kb);
        SurveyImport survey = (options.mapping == null ? SurveyImport.standard() : SurveyImport.withMapping(options.mapping)).labelled(options.source, options.year);
        Integer students = ImportCommand.enrollment(options.enrollment, base);
        long start = System.nanoTime();
        ImportReport report = survey.read(file, students);
        return ImportCommand.finish(report, System.nanoTime() - start, target, kb, base, students, "the survey " + ImportCommand.name(file),
                spec.commandLine().getErr());
    }
}
