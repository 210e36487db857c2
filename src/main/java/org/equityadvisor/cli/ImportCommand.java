package org.equityadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.equityadvisor.imports.ImportReport;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Problem;
import picocli.CommandLine.Command;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turn data as districts and states hold it into assessments: a survey CSV, Ed-Fi records, a state's collection.",
        subcommands = {ImportSurveyCommand.class, ImportEdFiCommand.class, ImportStateCommand.class})
final class ImportCommand {

    private ImportCommand() {
    }

    /** The assessment an import of answers merges into; one is needed for the district's name. */
    static Assessment base(AssessmentTarget target, KnowledgeBase kb) {
        Assessment base = target.base(kb);
        if (base == null) {
            throw new InputException("usage", new Problem("--district or --name", "give the district: --district FILE (an assessment to merge into) or --name NAME"));
        }
        return base;
    }

    /** The enrolment for coverage: the option, else the district file's. */
    static Integer enrollment(Integer option, Assessment base) {
        return option != null ? option : base.district().enrollment();
    }

    /** Writes the figures of a student-level import, says what happened on stderr, and returns the exit code. */
    static int finish(ImportReport report, long nanos, AssessmentTarget target, KnowledgeBase kb, Assessment base, Integer enrollment, String from,
            PrintWriter err) {
        print(report, nanos, err);
        District district = base.district();
        if (enrollment != null && district.enrollment() == null) {
            district = new District(district.name(), district.id(), district.state(), district.locale(), enrollment, district.schools(), district.lowIncomePct(),
                    district.planStart(), district.inPlace());
        }
        Assessment incoming = new Assessment(district, List.of(), report.measures(), java.util.Map.of());
        target.write(kb, base, incoming, from, List.of("Figures from " + from + ": " + report.summary() + "."), err);
        long forDistrict = report.measures().stream().filter(Measure::wholeDistrict).count();
        long groups = report.measures().stream().filter(m -> !m.wholeDistrict()).map(Measure::group).distinct().count();
        err.println(String.format(Locale.ROOT, "Wrote %s: %d figures for the district, %d for %d groups.", target.out, forDistrict,
                report.measures().size() - forDistrict, groups));
        return report.rejectedRows() ? Main.FINDINGS : Main.OK;
    }

    static void print(ImportReport report, long nanos, PrintWriter err) {
        double seconds = nanos / 1e9;
        err.println(report.summary() + String.format(Locale.ROOT, " (%.1f s, %,.0f rows/s)", seconds, seconds > 0 ? report.rowsRead() / seconds : 0));
        report.problems().forEach(p -> err.println("  " + p));
        report.notes().forEach(n -> err.println("  " + n));
        if (!report.withheld().isEmpty()) {
            err.println("Withheld for student privacy (a figure about fewer than 10 students could identify them):");
            report.withheld().forEach(w -> err.println("  " + w));
        }
    }

    static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }
}
