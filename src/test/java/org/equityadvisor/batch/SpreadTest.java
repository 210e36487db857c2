package org.equityadvisor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.imports.PublicFigures;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.SuggestedGoal;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The advice over every district of the bundled public table (issue 10): it must follow each district's
 * figures, not say the same to all. Uses the table shipped in the jar, so it never skips.
 */
class SpreadTest {

    private static final Advisor ADVISOR = new Advisor(Fixtures.bundled());
    private static final PublicFigures TABLE = PublicFigures.bundled();
    private static Spread.Figures figures;

    @BeforeAll
    static void adviseEveryDistrict() {
        figures = Spread.measure(ADVISOR, TABLE.districts(), Runtime.getRuntime().availableProcessors());
        figures.lines().forEach(System.out::println);
    }

    private static double connect(PublicFigures.DistrictFigures d) {
        Advice advice = ADVISOR.advise(TABLE.starter(d));
        return advice.goals().stream().filter(g -> g.id().equals("G-CONNECT")).mapToDouble(SuggestedGoal::score).findFirst().orElse(0);
    }

    @Test
    void aDistrictWhere73PercentAreOfflineRanksConnectivityAboveOneAt20Percent() {
        PublicFigures.DistrictFigures ganado = TABLE.district("0403290").orElseThrow();
        List<PublicFigures.DistrictFigures> at20 = TABLE.districts().stream()
                .filter(d -> Math.abs(d.noComputerOrBroadband() - 20) < 0.5 && d.noComputerOrBroadbandMoe() < 5)
                .sorted(Comparator.comparingInt(d -> Math.abs(d.children() - ganado.children()))).limit(5).toList();

        assertThat(ganado.noComputerOrBroadband()).isGreaterThan(73);
        assertThat(at20).isNotEmpty().allSatisfy(d -> assertThat(connect(ganado)).as(d.name()).isGreaterThan(connect(d)));
    }

    @Test
    void theConnectivityScoreFollowsTheHomeInternetFigure() {
        assertThat(figures.rankCorrelation()).isGreaterThan(0.85);
        assertThat(figures.atTopScore()).isLessThan(figures.advised() / 100);
    }

    @Test
    void theAdviceDrawsOnMoreThanAHandfulOfActions() {
        assertThat(figures.distinctActions()).isGreaterThanOrEqualTo(6);
        assertThat(figures.distinctGoals()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void noTwoDistrictsAHundredTimesApartInSizeGetTheSameTeams() {
        assertThat(figures.teamClashes100()).isZero();
    }
}
