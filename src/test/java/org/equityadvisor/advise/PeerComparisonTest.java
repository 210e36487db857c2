package org.equityadvisor.advise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.equityadvisor.export.AdviceWriter;
import org.equityadvisor.model.Advice;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.Finding;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.PeerFigures;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A district compared with similar districts (issue 11, part 5): the home-internet finding says where it stands
 * among them, and lagging three in four of them raises that need by ranking.yaml's {@code peers}.
 */
class PeerComparisonTest {

    private final Advisor alone = new Advisor(Fixtures.bundled());
    private final Assessment district = Fixtures.assessment(
            new District("Prairie", null, "IL", null, 1200, null, 17.0, LocalDate.of(2027, 1, 11), List.of()), List.of(),
            List.of(new Measure("GM-01", "all", 12.0)));

    private static PeerFigures peers(int below) {
        return new PeerFigures("GM-01", 212, 9, 6, 11, below, "Illinois districts with 600-2,400 children and 12-22% in poverty", "ACS");
    }

    private static double connect(Advice advice) {
        return advice.goals().stream().filter(g -> g.id().equals("G-CONNECT")).findFirst().orElseThrow().score();
    }

    private static Finding homeInternet(Advice advice) {
        return advice.findings().stream().filter(f -> f.kind().equals(Finding.GAP) && f.id().equals("GM-01")).findFirst().orElseThrow();
    }

    @Test
    void aDistrictBehindThreeInFourOfItsPeersSaysSoAndRanksTheNeedHigher() {
        Advice compared = alone.withPeers(a -> Optional.of(peers(180))).advise(district);
        Advice plain = alone.advise(district);

        assertThat(homeInternet(compared).text()).endsWith(
                "; similar districts: median 9%, three in four at or below 11% (212 Illinois districts with 600-2,400 children and 12-22% in poverty)");
        assertThat(connect(compared)).as("ranking.yaml peers: 0.05").isEqualTo(connect(plain) + 0.05, org.assertj.core.data.Offset.offset(0.0011));
        assertThat(compared.peers()).isEqualTo(peers(180));
        assertThat(AdviceWriter.write(compared, AdviceWriter.Format.TEXT).replaceAll("\\s+", " ")).contains("similar districts: median 9%, three in four");
    }

    @Test
    void inSpanishTheSimilarDistrictsAreSaidInSpanishToo() {
        PeerFigures inRegion = new PeerFigures("GM-01", 212, 9, 6, 11, 180, "districts of the North Central region with 600-2,400 children and 12-22% in poverty",
                "ACS", new PeerFigures.Area("region", "North Central", 600, 2400, 12, 22));

        Advice spanish = alone.inLanguage("es").withPeers(a -> Optional.of(inRegion)).advise(district);
        Advice english = alone.withPeers(a -> Optional.of(inRegion)).advise(district);

        assertThat(homeInternet(spanish).text()).endsWith("(212 distritos de la región Centro Norte con 600-2,400 niños y niñas y 12-22% en situación de pobreza)");
        assertThat(homeInternet(english).text()).endsWith("(212 districts of the North Central region with 600-2,400 children and 12-22% in poverty)");
    }

    @Test
    void aDistrictAmongItsPeersIsToldWhereItStandsButNotRaised() {
        Advice compared = alone.withPeers(a -> Optional.of(peers(150))).advise(district);

        assertThat(homeInternet(compared).text()).contains("similar districts: median 9%");
        assertThat(connect(compared)).isEqualTo(connect(alone.advise(district)));
    }

    @Test
    void withoutAComparisonTheAdviceIsAsBeforeByteForByte() {
        Advice plain = alone.advise(district);
        Advice none = alone.withPeers(a -> Optional.empty()).advise(district);

        assertThat(AdviceWriter.write(none, AdviceWriter.Format.JSON)).isEqualTo(AdviceWriter.write(plain, AdviceWriter.Format.JSON))
                .doesNotContain("peers").doesNotContain("similar districts");
    }
}
