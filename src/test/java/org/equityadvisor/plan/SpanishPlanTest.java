package org.equityadvisor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A plan drafted from Spanish advice is written in Spanish, and its rubric check speaks Spanish too. */
class SpanishPlanTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T12:00:00Z"), ZoneOffset.UTC);

    private static Plan draft(String language, String scenario) {
        Advisor advisor = new Advisor(Fixtures.bundled(), CLOCK).inLanguage(language);
        Assessment assessment = Fixtures.scenario(scenario);
        Advice advice = advisor.advise(assessment);
        return new DraftPlan(advisor.knowledgeBase(), CLOCK).draftTop(assessment, advice, 3, LocalDate.of(2026, 9, 1));
    }

    @Test
    void aSpanishDraftHasSpanishStepsTeamsWhoAndDataSources() {
        Plan plan = draft("es", "fairview-scale-up-what-runs.yaml");
        KnowledgeBase es = Fixtures.bundled().in("es");

        PlanGoal first = plan.goals().get(0);
        assertThat(first.statement()).isEqualTo(es.goals().get(first.id()).title());
        assertThat(first.who()).startsWith("todos los estudiantes");
        assertThat(plan.goals()).flatMap(PlanGoal::steps).extracting(ActionStep::description).anyMatch(d -> d.startsWith("Ampliar: "))
                .noneMatch(d -> d.startsWith("Scale up") || d.startsWith("Continue") || d.startsWith("Collect a baseline"));
        assertThat(plan.goals()).flatMap(PlanGoal::steps).extracting(ActionStep::owner).doesNotContain("Chief technology officer", "Data and assessment lead");
        assertThat(PlanFile.write(plan)).doesNotContain("the district's own figures", "to be collected (see the baseline step)", "all students");
        assertThat(plan.title()).isEqualTo("Plan de equidad digital de Fairview Area Schools, 2026\u20132028");
        assertThat(plan.overview()).contains("quiere que cada estudiante tenga el acceso", "Nuestros propios datos muestran por dónde empezar: ",
                "Este plan fija 3 metas: ", "Tendrá éxito si").doesNotContain("wants every student", "Our own data", "This plan sets", "It will succeed");
    }

    @Test
    void theExportedPlanOfASpanishDraftIsInSpanish() {
        String markdown = new String(org.equityadvisor.export.PlanWriter.write(draft("es", "harbor-city-affordability.yaml"),
                org.equityadvisor.export.PlanWriter.Format.MD), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(markdown).contains("## Parte 1. Panorama general", "## Parte 2. Metas", "### Meta 1. ", "| Componente | En este plan |", "Pasos de acción",
                "responsable: ", "línea de base", "## Cronograma", "## Parte 3. Reflexión", "## Por qué estas metas", "1 sept 2026")
                .doesNotContain("Part 1. Overview", "Action steps", "none yet", "lead: ", "baseline ", "Why these goals", " Sep 2026");
    }

    @Test
    void theRubricOfASpanishPlanSpeaksSpanishAndAnEnglishOneEnglish() {
        PlanCheck spanish = PlanCheck.of(draft("es", "fairview-scale-up-what-runs.yaml"));
        PlanCheck english = PlanCheck.of(draft("en", "fairview-scale-up-what-runs.yaml"));

        assertThat(spanish.criteria()).extracting(PlanCheck.Criterion::name).contains("Al menos 3 metas", "Panorama general (Parte 1): escrito, como máximo 200 palabras")
                .anyMatch(n -> n.matches("Meta G-[A-Z]+: un paso de acción con fechas"));
        assertThat(spanish.warnings()).contains("La reflexión (Parte 3) aún no está escrita: el plan de CoSN pregunta qué aprendieron y qué harían de otra manera.");
        assertThat(english.criteria()).extracting(PlanCheck.Criterion::name).contains("At least 3 goals", "Overview (Part 1): written, at most 200 words");
        assertThat(spanish.passed()).isEqualTo(english.passed());
    }
}
