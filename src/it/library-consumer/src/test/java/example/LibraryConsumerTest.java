package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.export.AdviceWriter;
import org.equityadvisor.export.PlanWriter;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Plan;
import org.equityadvisor.plan.DraftPlan;
import org.equityadvisor.plan.PlanCheck;
import org.junit.jupiter.api.Test;

/** The README's library example, from a project of its own. */
class LibraryConsumerTest {

    private static final String DISTRICT = """
            district: { name: Riverbend Unified, id: "0612345", enrollment: 4200, lowIncomePct: 68, planStart: 2027-01-11 }
            answers: { SA-ACC-01: 1, SA-ACC-07: 1, SA-DES-05: 2 }
            measures:
              - { metric: GM-01, value: 12, n: 3950, year: 2026, source: 2026 registration survey, kind: survey }
              - { metric: GM-01, group: low-income, value: 16.5, n: 2600 }
              - { metric: GM-05, value: 9, n: 3950 }
            """;

    @Test
    void advisesDraftsAndExportsWithoutSpringOnTheClassPath() {
        List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        System.out.println("Class path of a project that depends on equity-advisor:");
        classPath.stream().map(p -> "  " + new File(p).getName()).sorted().forEach(System.out::println);

        for (String jar : classPath) {
            String name = new File(jar).getName();
            assertFalse(name.matches("(spring|tomcat|h2|flyway|postgresql|HikariCP|picocli|progressbar|bucket4j|logback|thymeleaf).*"),
                    "the library pulled in " + name);
        }
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.springframework.context.ApplicationContext"));

        KnowledgeBase kb = KnowledgeBase.loadBundled();
        Assessment assessment = new AssessmentReader(kb).read("district.yaml", DISTRICT);
        Advice advice = new Advisor(kb).advise(assessment);
        assertEquals(kb.hash(), advice.ruleSet());
        assertFalse(advice.goals().isEmpty());
        assertTrue(AdviceWriter.write(advice, AdviceWriter.Format.JSON).contains("\"ruleSet\""));

        Plan plan = new DraftPlan(kb).draftTop(assessment, advice, 3, null);
        assertFalse(plan.goals().isEmpty());
        assertFalse(PlanCheck.of(plan).criteria().isEmpty());
        byte[] pdf = PlanWriter.write(plan, PlanWriter.Format.PDF);
        byte[] docx = PlanWriter.write(plan, PlanWriter.Format.DOCX);
        assertEquals("%PDF", new String(pdf, 0, 4));
        assertEquals("PK", new String(docx, 0, 2));
    }
}
