package org.equityadvisor.progress;

import java.nio.file.*;
import java.time.LocalDate;
import java.util.*;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.imports.AssessmentReader;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.*;
import org.equityadvisor.plan.*;

/**
 * Measurement aid (docs/progress.md, "Measured"), not a test: drafts a plan (top 3 goals) for each assessment of a folder, gives it a year of quarterly figures and step updates (seeded), writes N plans.
 * Usage: GeneratePlans ASSESSMENTS_DIR OUT_DIR N (run from the project folder, for ./rules).
 */
public final class GeneratePlans {
    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]); Path out = Path.of(args[1]); int n = Integer.parseInt(args[2]);
        Files.createDirectories(out);
        KnowledgeBase kb = KnowledgeBase.load(Path.of("rules"));
        Advisor advisor = new Advisor(kb); DraftPlan drafts = new DraftPlan(kb); Progress progress = new Progress(kb);
        List<Path> files; try (var s = Files.list(in)) { files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList(); }
        Random random = new Random(42); LocalDate start = LocalDate.of(2026, 1, 12);
        int written = 0, round = 0;
        while (written < n) {
            for (Path f : files) {
                if (written >= n) break;
                Assessment a = new AssessmentReader(kb).read(f.toString(), Files.readString(f));
                Advice advice = advisor.advise(a);
                if (advice.goals().isEmpty()) continue;
                Plan plan = drafts.draftTop(a, advice, 3, start);
                for (PlanGoal g : plan.goals()) {
                    for (ActionStep s : g.steps()) {
                        int r = random.nextInt(4);
                        StepStatus st = StepStatus.values()[r];
                        plan = progress.setStatus(plan, g.id(), s.id(), st, st == StepStatus.BLOCKED ? "waiting on funds" : null, "owner", start.plusMonths(2 + random.nextInt(9)));
                    }
                    for (PlanOutcome o : g.outcomes()) {
                        if (o.baseline() == null) continue;
                        for (int q = 1; q <= 4; q++) {
                            double target = o.target() == null ? o.baseline() : o.target();
                            double v = o.baseline() + (target - o.baseline()) * q / 4.0 * (0.6 + random.nextDouble() * 0.7);
                            if (v < 0) v = 0;
                            plan = progress.recordActual(plan, g.id(), o.key(), new Actual(start.plusMonths(3L * q), Math.round(v * 10) / 10.0, 500 + random.nextInt(5000), "district survey", "owner")).plan();
                        }
                    }
                }
                Files.writeString(out.resolve(String.format("plan-%04d.json", written)), PlanFile.write(plan));
                written++;
            }
            round++;
            if (round > 3) break;
        }
        System.out.println("wrote " + written + " plans from " + files.size() + " assessments");
    }
}
