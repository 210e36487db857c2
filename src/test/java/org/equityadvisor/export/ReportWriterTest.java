package org.equityadvisor.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.equityadvisor.model.Actual;
import org.equityadvisor.model.OutcomeProgress;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.ProgressReport;
import org.equityadvisor.model.StepStatus;
import org.equityadvisor.plan.PlanFile;
import org.equityadvisor.progress.Progress;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The yearly report in Markdown, Word and PDF, with the trend chart; and the chart alone as SVG. */
class ReportWriterTest {

    private final Progress progress = new Progress(Fixtures.bundled());

    private ProgressReport report() throws Exception {
        Plan plan = PlanFile.read("round1", java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/progress/round1-plan.json")));
        plan = progress.setStatus(plan, "G-CONNECT", "AS-09", StepStatus.DONE, null, "Ana Ruiz", LocalDate.of(2027, 4, 2));
        plan = progress.setStatus(plan, "G-CONNECT", "AS-13", StepStatus.BLOCKED, "bus contract renegotiation", "Ana Ruiz", LocalDate.of(2027, 5, 2));
        plan = progress.recordActual(plan, "G-CONNECT", "GM-01", new Actual(LocalDate.of(2027, 4, 11), 10.5, 3900, "spring survey", "Ana Ruiz")).plan();
        plan = progress.recordActual(plan, "G-CONNECT", "GM-01", new Actual(LocalDate.of(2027, 10, 11), 5.2, 3900, "fall survey", "Ana Ruiz")).plan();
        plan = plan.withText(plan.title(), plan.overview(), "Hotspot lending moved fastest; the bus Wi-Fi waits on the new contract.");
        return progress.report(plan, LocalDate.of(2027, 12, 31));
    }

    @Test
    void theMarkdownReportSaysPerGoalWhatWasDoneTheFiguresAgainstTargetsAndTheReflection() throws Exception {
        String md = new String(ReportWriter.write(report(), PlanWriter.Format.MD), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(md).startsWith("# Yearly report: Riverbend Unified digital equity plan");
        assertThat(md).contains("Year reported: 1 Jan 2027 to 31 Dec 2027");
        assertThat(md).contains("| Done | Publish a multilingual homework-hotspot map").contains("updated 2 Apr 2027 by Ana Ruiz");
        assertThat(md).contains("| Blocked | ").contains(": bus contract renegotiation");
        assertThat(md).contains("| 11 Oct 2027 | 5.2 (n = 3900) | figure, recorded by Ana Ruiz | fall survey |");
        assertThat(md).contains("Students without home internet: 5.2 on 2027-10-11").contains("on track");
        assertThat(md).contains("```mermaid\nxychart-beta");
        assertThat(md).contains("## Reflection\n\nHotspot lending moved fastest");
    }

    @Test
    void theWordAndPdfReportsCarryTheTextAndTheTrendPicture() throws Exception {
        ProgressReport report = report();
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(ReportWriter.write(report, PlanWriter.Format.DOCX)))) {
            assertThat(new XWPFWordExtractor(docx).getText()).contains("What was done").contains("Outcomes against their targets").contains("Hotspot lending");
            // One outcome has figures: one trend picture (the report has no timeline).
            assertThat(docx.getAllPictures()).hasSize(1);
        }
        try (PDDocument pdf = Loader.loadPDF(ReportWriter.write(report, PlanWriter.Format.PDF))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Yearly report").contains("What was done").contains("Reflection");
            long images = 0;
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    images += page.getResources().isImageXObject(name) ? 1 : 0;
                }
            }
            assertThat(images).isEqualTo(1);
        }
    }

    @Test
    void theTrendChartIsAnSvgWithATitleADescriptionAndADotPerFigure() throws Exception {
        OutcomeProgress gm01 = report().outcomes().stream().filter(o -> o.goalId().equals("G-CONNECT") && o.id().equals("GM-01")).findFirst().orElseThrow();
        String svg = ReportWriter.trendSvg(gm01);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"");
        assertThat(svg).contains("<title>GM-01: on track</title>").contains("<desc>Students without home internet: 5.2 on 2027-10-11");
        // The baseline dot and one per figure.
        assertThat(svg.split("<circle", -1)).hasSize(1 + 1 + 2);
        assertThat(svg).contains("target 3");
    }
}
