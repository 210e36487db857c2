package org.equityadvisor.progress;

import java.nio.file.*;
import java.time.LocalDate;
import java.util.*;
import org.equityadvisor.export.*;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.*;
import org.equityadvisor.plan.PlanFile;

/**
 * Measurement aid (docs/progress.md, "Measured"), not a test: median time to build and write the yearly report of one plan with a year of figures, per format, warm (after 3 runs).
 * Usage: ReportTime PLAN.json (run from the project folder, for ./rules).
 */
public final class ReportTime {
    public static void main(String[] args) throws Exception {
        Plan plan = PlanFile.read(args[0], Files.readString(Path.of(args[0])));
        Progress progress = new Progress(KnowledgeBase.load(Path.of("rules")));
        for (PlanWriter.Format f : List.of(PlanWriter.Format.MD, PlanWriter.Format.DOCX, PlanWriter.Format.PDF)) {
            long[] t = new long[11]; int size = 0;
            for (int i = 0; i < 3; i++) ReportWriter.write(progress.report(plan, LocalDate.of(2026, 12, 31)), f);
            for (int i = 0; i < t.length; i++) {
                long s = System.nanoTime();
                size = ReportWriter.write(progress.report(plan, LocalDate.of(2026, 12, 31)), f).length;
                t[i] = System.nanoTime() - s;
            }
            Arrays.sort(t);
            System.out.printf("%s: median %.1f ms (min %.1f, max %.1f) over %d runs, %d bytes%n", f, t[t.length / 2] / 1e6, t[0] / 1e6, t[t.length - 1] / 1e6, t.length, size);
        }
    }
}
