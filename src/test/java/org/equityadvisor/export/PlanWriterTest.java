package org.equityadvisor.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
}
