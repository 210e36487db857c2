package org.equityadvisor.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.ActionStep;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanGoal;
import org.equityadvisor.model.PlanOutcome;
import org.equityadvisor.model.PlanPartner;
import org.equityadvisor.plan.DraftPlan;
import org.equityadvisor.plan.PlanFile;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

class PlanWriterTest {

    private static final Plan PLAN;

    static {
        KnowledgeBase kb = Fixtures.bundled();
        Assessment metro = Fixtures.scenario("metro-large-city-every-divide.yaml");
        PLAN = new DraftPlan(kb).draftTop(metro, new Advisor(kb).advise(metro), 3, null);
    }

    /** Every goal, step, partner and outcome of the plan, as an export must show it. */
    private static List<String> everything(Plan plan) {
        List<String> out = new ArrayList<>();
        for (PlanGoal goal : plan.goals()) {
            out.add(goal.statement());
            goal.steps().stream().map(ActionStep::description).forEach(out::add);
            goal.partners().stream().map(PlanPartner::name).forEach(out::add);
            goal.outcomes().stream().map(PlanOutcome::text).forEach(out::add);
        }
        return out;
    }

    /** Text with line breaks undone: a PDF line may break after a hyphen or a dash. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").replaceAll("([-\u2013]) ", "$1");
    }

    @Test
    void theWordDocumentHasHeadingsAGoalTableEachAndTheTimelineAndSaysEverything() throws Exception {
        byte[] docx = PlanWriter.write(PLAN, PlanWriter.Format.DOCX);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            assertThat(doc.getParagraphs()).filteredOn(p -> "Heading3".equals(p.getStyle())).extracting(XWPFParagraph::getText)
                    .hasSize(PLAN.goals().size()).allMatch(t -> t.startsWith("Goal "));
            assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(doc.getTables()).hasSize(PLAN.goals().size()).allSatisfy(t -> assertThat(t.getRows()).extracting(r -> r.getCell(0).getText())
                    .containsExactly("Component", "Action steps", "Timeline", "Team members", "Partners", "Measurable outcomes"));
            assertThat(doc.getAllPictures()).singleElement().satisfies(p -> assertThat(p.getData()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
            String text = flat(extractor.getText());
            assertThat(everything(PLAN)).allSatisfy(item -> assertThat(text).contains(flat(item)));
            assertThat(text).contains("Part 1. Overview", "Part 3. Reflection", PLAN.title());
        }
    }

    @Test
    void thePdfSaysEverythingAndCarriesTheTimelinePicture() throws Exception {
        byte[] pdf = PlanWriter.write(PLAN, PlanWriter.Format.PDF);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = flat(new PDFTextStripper().getText(doc));
            assertThat(everything(PLAN)).allSatisfy(item -> assertThat(text).contains(flat(item)));
            assertThat(text).contains("Part 1. Overview", "Timeline", "Part 3. Reflection");
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            assertThat(images).isEqualTo(1);
        }
    }

    @Test
    void thePdfIsOnUsLetterUnlessA4IsAskedFor() throws Exception {
        try (PDDocument letter = Loader.loadPDF(PlanWriter.write(PLAN, PlanWriter.Format.PDF));
                PDDocument a4 = Loader.loadPDF(PlanWriter.write(PLAN, PlanWriter.Format.PDF, PlanWriter.PageSize.parse("a4")))) {
            // PDF units are points (1/72 inch): Letter is 8.5 x 11 in, A4 210 x 297 mm.
            assertThat(letter.getPage(0).getMediaBox().getWidth()).isCloseTo(612f, org.assertj.core.data.Offset.offset(1f));
            assertThat(letter.getPage(0).getMediaBox().getHeight()).isCloseTo(792f, org.assertj.core.data.Offset.offset(1f));
            assertThat(a4.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            assertThat(a4.getPage(0).getMediaBox().getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
        }
    }

    @Test
    void markdownSaysEverythingWithAGanttChartOfEveryStep() {
        String md = new String(PlanWriter.write(PLAN, PlanWriter.Format.MD), StandardCharsets.UTF_8);

        assertThat(everything(PLAN)).allSatisfy(item -> assertThat(md).contains(item));
        assertThat(md).startsWith("# " + PLAN.title()).contains("```mermaid\ngantt\n");
        long bars = md.lines().filter(l -> l.matches(".* :s\\d+, \\d{4}-\\d{2}-\\d{2}, \\d{4}-\\d{2}-\\d{2}")).count();
        assertThat(bars).isEqualTo(PLAN.goals().stream().mapToLong(g -> g.steps().size()).sum());
    }

    @Test
    void theJsonExportIsThePlanFile() {
        String json = new String(PlanWriter.write(PLAN, PlanWriter.Format.JSON), StandardCharsets.UTF_8);

        assertThat(PlanFile.read("export.json", json)).isEqualTo(PLAN);
    }

    @Test
    void aPlanBuiltInCodeWithAControlCharacterIsRefusedNamingTheFieldInEveryFormat() {
        Plan bell = PLAN.withText(PLAN.title() + "\u0007", PLAN.overview(), PLAN.reflection());

        for (PlanWriter.Format format : PlanWriter.Format.values()) {
            assertThatThrownBy(() -> PlanWriter.write(bell, format)).isInstanceOf(InputException.class)
                    .hasMessageContaining("title: contains the control character U+0007");
        }
    }

    @Test
    void aStepDueInYear999999999IsRefusedNamingTheStepInsteadOfFailingTheTimeline() {
        PlanGoal first = PLAN.goals().get(0);
        ActionStep step = first.steps().get(0);
        List<ActionStep> steps = new ArrayList<>(first.steps());
        steps.set(0, new ActionStep(step.id(), step.description(), step.owner(), step.team(), step.start(), LocalDate.MAX, step.status()));
        List<PlanGoal> goals = new ArrayList<>(PLAN.goals());
        goals.set(0, first.withSteps(steps));
        Plan late = PLAN.withGoals(goals);

        for (PlanWriter.Format format : PlanWriter.Format.values()) {
            assertThatThrownBy(() -> PlanWriter.write(late, format)).isInstanceOf(InputException.class)
                    .hasMessageContaining("goals[0].steps[0].due: +999999999-12-31 is after 2100-12-31");
        }
    }

    @Test
    void tabsAndLineBreaksInTheLeadersTextKeepEveryFormatWhole() throws Exception {
        PlanGoal first = PLAN.goals().get(0);
        ActionStep step = first.steps().get(0);
        List<ActionStep> steps = new ArrayList<>(first.steps());
        steps.set(0, new ActionStep(step.id(), "Survey families:\n\tby phone | by text", step.owner(), step.team(), step.start(), step.due(), step.status()));
        List<PlanGoal> goals = new ArrayList<>(PLAN.goals());
        goals.set(0, first.withSteps(steps));
        Plan plan = PLAN.withGoals(goals).withText(PLAN.title(), "First line.\r\n\tSecond line & <more>.", "");

        String md = new String(PlanWriter.write(plan, PlanWriter.Format.MD), StandardCharsets.UTF_8);
        assertThat(md).contains("    Survey families, by phone | by text :s1, ").contains("| Survey families: \tby phone \\| by text");
        try (PDDocument pdf = Loader.loadPDF(PlanWriter.write(plan, PlanWriter.Format.PDF))) {
            assertThat(flat(new PDFTextStripper().getText(pdf))).contains("Second line & <more>.");
        }
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(PlanWriter.write(plan, PlanWriter.Format.DOCX)))) {
            assertThat(new XWPFWordExtractor(docx).getText()).contains("Second line & <more>.");
        }
    }
}
