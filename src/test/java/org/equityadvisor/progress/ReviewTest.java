package org.equityadvisor.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Actual;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Plan;
import org.equityadvisor.model.PlanOutcome;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Re-advice on Riverbend's plan: what new figures change since the plan began. */
class ReviewTest {

    private final KnowledgeBase kb = Fixtures.bundled();
    private final Progress progress = new Progress(kb);
    private final Plan plan = ProgressTest.roundOne();

    /** Riverbend a year on: home internet gaps closed (GM-01 2% overall, 2.5% low-income), the rest as before. */
    private Assessment connected() {
        Assessment before = Fixtures.scenario("riverbend-rural-high-poverty.yaml");
        List<Measure> measures = new ArrayList<>();
        for (Measure m : before.measures()) {
            if (m.metric().equals("GM-01")) {
                measures.add(new Measure(m.metric(), m.group(), m.group().equals("all") ? 2 : 2.5, m.n(), m.moe(), 2028, "2028 registration survey", m.kind()));
            } else {
                measures.add(m);
            }
        }
        return new Assessment(before.district(), before.answers(), measures, before.thresholds());
    }

    @Test
    void newFiguresThatCloseTheHomeInternetGapShowTheGapClosedAndTheOutcomeAchieved() {
        Assessment now = connected();
        Progress.Review review = progress.review(plan, now, new Advisor(kb).advise(now));

        assertThat(review.gapsClosed()).anySatisfy(line -> assertThat(line).contains("Now: 2, no longer a gap."));
        assertThat(review.outcomesAchieved()).anySatisfy(line -> assertThat(line).startsWith("G-CONNECT GM-01").contains("is 2, target 3 reached"));
        assertThat(review.newGaps()).isEmpty();
        assertThat(review.changed()).isTrue();
    }

    @Test
    void theSameFiguresChangeNothing() {
        Assessment same = Fixtures.scenario("riverbend-rural-high-poverty.yaml");
        Progress.Review review = progress.review(plan, same, new Advisor(kb).advise(same));
        assertThat(review.changed()).isFalse();
    }

    @Test
    void acceptingAReviewRecordsTheNewFiguresAndKeepsTheGoals() {
        Assessment now = connected();
        Progress.Review review = progress.review(plan, now, new Advisor(kb).advise(now));
        Plan accepted = progress.accept(plan, review, "Dana Lee", LocalDate.of(2028, 1, 15));

        assertThat(accepted.goals()).extracting(g -> g.id()).isEqualTo(plan.goals().stream().map(g -> g.id()).toList());
        PlanOutcome gm01 = accepted.goals().get(0).outcomes().get(0);
        assertThat(gm01.actuals()).containsExactly(new Actual(LocalDate.of(2028, 1, 15), 2, 3950, "2028 registration survey", "Dana Lee"));
        assertThat(accepted.assessment().measure("GM-01", "all").orElseThrow().value()).isEqualTo(2);
        assertThat(accepted.advice()).isEqualTo(review.advice());
    }
}
