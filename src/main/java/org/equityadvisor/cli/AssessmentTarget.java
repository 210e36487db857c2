package org.equityadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.equityadvisor.imports.AssessmentMerge;
import org.equityadvisor.imports.AssessmentSchema;
import org.equityadvisor.imports.AssessmentWriter;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import picocli.CommandLine.Option;

/**
 * The options every command that writes one assessment shares ({@code init}, {@code import survey},
 * {@code import edfi}): the district file to merge into, or a name to start from, and where to write.
 */
final class AssessmentTarget {

    @Option(names = "--district", paramLabel = "FILE", description = "an existing assessment to merge into: its own answers and figures are kept, and every replaced figure is said")
    Path district;

    @Option(names = "--name", paramLabel = "NAME", description = "the district's name, when there is no --district file")
    String name;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the assessment (YAML); may be the --district file itself")
    Path out;

    /** The assessment to merge into: the --district file, or an empty one with --name, or none at all (null). */
    Assessment base(KnowledgeBase kb) {
        refuseOverwrite();
        if (district != null) {
            return Inputs.assessment(kb, district);
        }
        return name == null ? null : new Assessment(District.named(name), List.of(), List.of(), java.util.Map.of());
    }

    private void refuseOverwrite() {
        if (Files.exists(out) && (district == null || !same(out, district))) {
            throw new InputException("--out", new Problem(out.toString(), "exists already: pass it as --district " + out
                    + " to merge into it, or choose another --out"));
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /**
     * Merges what was imported into the base (when there is one), checks the result against the rule set,
     * writes it, and says every merge decision on stderr and in the file's heading.
     */
    void write(KnowledgeBase kb, Assessment base, Assessment incoming, String from, List<String> heading, PrintWriter err) {
        List<String> lines = new ArrayList<>(heading);
        AssessmentMerge.Merged merged = base == null ? new AssessmentMerge.Merged(incoming, List.of()) : AssessmentMerge.merge(base, incoming, from);
        Assessment result = merged.assessment();
        if (!merged.notices().isEmpty()) {
            lines.add("Merged into " + (district != null ? district.getFileName() : "a new assessment") + ":");
            merged.notices().forEach(n -> lines.add("  " + n));
            merged.notices().forEach(n -> err.println("Merge: " + n));
        }
        List<Problem> problems = kb.validate(result).stream()
                .filter(p -> !(p.place().equals("district.name") && (result.district().name() == null || result.district().name().isBlank()))).toList();
        if (!problems.isEmpty()) {
            throw new InputException("The merged assessment", problems);
        }
        lines.add(0, "yaml-language-server: $schema=" + SCHEMA);
        save(out, new AssessmentWriter(kb).yaml(result, lines));
        Path schema = out.toAbsolutePath().resolveSibling(SCHEMA);
        if (!Files.exists(schema)) {
            save(schema, AssessmentSchema.write(kb));
            err.println("Wrote " + schema + ": editors that read JSON Schema (VS Code with its YAML extension) now complete and check " + out.getFileName());
        }
    }

    /** The schema's file name beside the assessment; the first comment line points editors at it. */
    static final String SCHEMA = "assessment.schema.json";

    /** Writes beside the target, then moves: an interrupted write never leaves half a file in place of the old one. */
    static void save(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InputException(file.toString(), new Problem(file.toString(), "cannot be written: " + e.getMessage()));
        }
    }
}
