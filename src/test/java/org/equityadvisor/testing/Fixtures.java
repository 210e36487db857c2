package org.equityadvisor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.Measure;

/**
 * Shared test data: the small fixture rule set (compiled once per JVM), the bundled rules/ folder, and
 * helpers to copy a rule set into a temporary folder and break it on purpose.
 */
public final class Fixtures {

    public static final Path FIXTURE_RULES = Path.of("src/test/resources/fixture-rules");
    public static final Path BUNDLED_RULES = Path.of("rules");
    public static final Path SCENARIOS = Path.of("scenarios");

    private static KnowledgeBase fixture;
    private static KnowledgeBase bundled;

    private Fixtures() {
    }

    public static synchronized KnowledgeBase fixture() {
        if (fixture == null) {
            fixture = KnowledgeBase.load(FIXTURE_RULES);
        }
        return fixture;
    }

    public static synchronized KnowledgeBase bundled() {
        if (bundled == null) {
            bundled = KnowledgeBase.load(BUNDLED_RULES);
        }
        return bundled;
    }

    /** A copy of a rule set in a fresh folder under {@code tmp}, to edit without touching the original. */
    public static Path copy(Path rules, Path tmp) {
        Path target = tmp.resolve("rules");
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(rules.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The assessment part of a scenario file of scenarios/, read against the bundled rules. */
    public static Assessment scenario(String fileName) {
        Path file = SCENARIOS.resolve(fileName);
        return new org.equityadvisor.imports.AssessmentReader(bundled()).read(
                org.equityadvisor.knowledge.YamlDocument.parse(file.toString(), org.equityadvisor.imports.AssessmentReader.text(file)),
                java.util.Set.of("name", "description", "expect"));
    }

    public static Assessment assessment(List<Answer> answers, List<Measure> measures) {
        return new Assessment(new District("Riverbend Unified", null, "CA", "rural", 4200, 9, 68.0, null, List.of()), answers, measures, Map.of());
    }

    public static Assessment assessment(District district, List<Answer> answers, List<Measure> measures) {
        return new Assessment(district, answers, measures, Map.of());
    }
}
