package org.equityadvisor.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The plan as a Word document: real heading styles (so Word and LibreOffice show an outline), one table per
 * goal with the five CoSN components, and the timeline picture.
 */
final class PlanDocx {

    private static final int[] HEADING_SIZES = {0, 32, 26, 22};
    private static final int[] WIDTHS = {2100, 7260};

    private PlanDocx() {
    }

    static byte[] write(PlanDocument doc) {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = docx.createStyles();
            for (int level = 1; level <= 3; level++) {
                headingStyle(styles, level);
            }
            heading(docx, 1, doc.title());
            for (PlanDocument.Block block : doc.blocks()) {
                if (block instanceof PlanDocument.Heading h) {
                    heading(docx, h.level(), h.text());
                } else if (block instanceof PlanDocument.Paragraph p) {
                    docx.createParagraph().createRun().setText(p.text());
                } else if (block instanceof PlanDocument.Table t) {
                    table(docx, t);
                } else if (block instanceof PlanDocument.Timeline t) {
                    picture(docx, TimelineChart.png(t), 470, "timeline.png");
                } else if (block instanceof PlanDocument.Trend t) {
                    picture(docx, TrendChart.png(t.progress()), 400, "trend.png");
                }
            }
            docx.getProperties().getCoreProperties().setTitle(doc.title());
            docx.write(out);
            return out.toByteArray();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new UncheckedIOException("writing the Word document", e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static void heading(XWPFDocument docx, int level, String text) {
        XWPFParagraph p = docx.createParagraph();
        p.setStyle("Heading" + level);
        p.createRun().setText(text);
    }

    private static void table(XWPFDocument docx, PlanDocument.Table t) {
        XWPFTable table = docx.createTable(t.rows().size() + 1, t.header().size());
        table.setWidth("100%");
        // The component names are short: give the text the room (widths in twentieths of a point).
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        for (int c = 0; c < t.header().size(); c++) {
            (c < grid.sizeOfGridColArray() ? grid.getGridColArray(c) : grid.addNewGridCol()).setW(BigInteger.valueOf(WIDTHS[Math.min(c, WIDTHS.length - 1)]));
        }
        fill(table.getRow(0), t.header().stream().map(List::of).toList(), true);
        for (int r = 0; r < t.rows().size(); r++) {
            fill(table.getRow(r + 1), t.rows().get(r), false);
        }
        docx.createParagraph();
    }

    private static void fill(XWPFTableRow row, List<List<String>> cells, boolean header) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setWidth(String.valueOf(WIDTHS[Math.min(c, WIDTHS.length - 1)]));
            List<String> lines = cells.get(c);
            for (int i = 0; i < lines.size(); i++) {
                XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
                XWPFRun run = p.createRun();
                run.setText(lines.get(i));
                run.setBold(header || c == 0);
            }
            if (header) {
                cell.setColor("EEEEEE");
            }
        }
    }

    private static void picture(XWPFDocument docx, byte[] png, int points, String name) throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
        int widthEmu = Units.toEMU(points);
        int heightEmu = (int) ((long) widthEmu * image.getHeight() / image.getWidth());
        XWPFRun run = docx.createParagraph().createRun();
        run.addPicture(new ByteArrayInputStream(png), PictureType.PNG, name, widthEmu, heightEmu);
    }

    /** A "heading N" paragraph style with its outline level, the way Word defines its own. */
    private static void headingStyle(XWPFStyles styles, int level) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId("Heading" + level);
        CTString name = CTString.Factory.newInstance();
        name.setVal("heading " + level);
        ct.setName(name);
        CTDecimalNumber priority = CTDecimalNumber.Factory.newInstance();
        priority.setVal(BigInteger.valueOf(9));
        ct.setUiPriority(priority);
        ct.addNewQFormat();
        CTPPrGeneral ppr = ct.addNewPPr();
        ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
        ppr.addNewKeepNext();
        ppr.addNewSpacing().setBefore(BigInteger.valueOf(240));
        CTRPr rpr = ct.addNewRPr();
        rpr.addNewB();
        rpr.addNewSz().setVal(BigInteger.valueOf(HEADING_SIZES[level]));
        XWPFStyle style = new XWPFStyle(ct);
        style.setType(STStyleType.PARAGRAPH);
        styles.addStyle(style);
    }
}
