package org.equityadvisor.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.PeerFigures;
import org.junit.jupiter.api.Test;

class SimilarDistrictsTest {

    private static final String HEADER = "leaid,state,region,dist,children,pct_pov,pct_NCI,nci_MOE\n";

    /** 25 Illinois districts of 1,000 children and 15% poverty whose figures are 1..25, plus the ones that must not count. */
    private static PublicFigures table(String extra) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 25; i++) {
            csv.append(String.format("17%05d,Illinois,North Central,Peer %d,1000,15,%d,1%n", i, i, i));
        }
        csv.append("1799999,Illinois,North Central,Too big,9000,15,90,1\n");      // nine times the children
        csv.append("1799998,Illinois,North Central,Too poor,1000,40,90,1\n");      // 25 points poorer
        csv.append("1799997,Illinois,North Central,Placeholder,0,0,0,0\n");        // no children: not a district to compare with
        csv.append("5599999,Wisconsin,North Central,Next door,1000,15,90,1\n");    // another state
        csv.append(extra);
        return PublicFigures.read("test.csv", new StringReader(csv.toString()));
    }

    private static Assessment district(String id, String state, Integer enrollment, Double lowIncome, double gm01) {
        District d = new District("Ours", id, state, null, enrollment, null, lowIncome, null, List.of());
        return new Assessment(d, List.of(), List.of(new Measure("GM-01", Measure.ALL, gm01)), Map.of());
    }

    @Test
    void summarisesTheSameStatesDistrictsOfSimilarSizeAndPovertyByHand() {
        PeerFigures peers = new SimilarDistricts(table("")).compare(district(null, "IL", 1200, 17.0, 22)).orElseThrow();

        // Figures 1..25: the median is the 13th (13); quartiles at positions 7 and 19 (type 7: 1 + 24 × p).
        assertThat(peers.districts()).isEqualTo(25);
        assertThat(peers.median()).isEqualTo(13);
        assertThat(peers.lowerQuartile()).isEqualTo(7);
        assertThat(peers.upperQuartile()).isEqualTo(19);
        assertThat(peers.below()).as("1..21 are below 22").isEqualTo(21);
        assertThat(peers.lagging()).isTrue();
        assertThat(peers.scope()).isEqualTo("Illinois districts with 600-2,400 children and 12-22% in poverty");
        assertThat(peers.sentence("%"))
                .isEqualTo("similar districts: median 13%, three in four at or below 19% (25 Illinois districts with 600-2,400 children and 12-22% in poverty)");
    }

    @Test
    void aDistrictOfTheTableIsMeasuredByItsOwnRowAndNeverItsOwnPeer() {
        PublicFigures t = table("1700026,Illinois,North Central,Ours,1000,15,30,2\n");
        // The assessment's enrolment (50,000) and poverty (60%) would find no peers: the table's row decides.
        PeerFigures peers = new SimilarDistricts(t).compare(district("1700026", "IL", 50_000, 60.0, 30)).orElseThrow();

        assertThat(peers.districts()).isEqualTo(25);
        assertThat(peers.below()).isEqualTo(25);
    }

    @Test
    void aMiddlingDistrictIsNotLagging() {
        PeerFigures peers = new SimilarDistricts(table("")).compare(district(null, "IL", 1000, 15.0, 13)).orElseThrow();

        assertThat(peers.below()).isEqualTo(12);
        assertThat(peers.lagging()).isFalse();
    }

    @Test
    void widensToTheRegionWhenTheStateHasTooFewAlike() {
        // Wisconsin has one district alike; the North Central region has 26 (25 Illinois, 1 Wisconsin) within the first bands.
        PeerFigures peers = new SimilarDistricts(table("")).compare(district(null, "WI", 1000, 15.0, 10)).orElseThrow();

        assertThat(peers.districts()).isEqualTo(26);
        assertThat(peers.scope()).startsWith("districts of the North Central region");
    }

    @Test
    void saysNothingWithoutAFigureOrSomethingToMatchOn() {
        SimilarDistricts similar = new SimilarDistricts(table(""));
        District d = new District("Ours", null, "IL", null, 1000, null, 15.0, null, List.of());

        assertThat(similar.compare(new Assessment(d, List.of(), List.of(new Measure("GM-02", Measure.ALL, 10)), Map.of()))).isEmpty();
        assertThat(similar.compare(district(null, "IL", null, 15.0, 10))).as("no size").isEmpty();
        assertThat(similar.compare(district(null, "IL", 1000, null, 10))).as("no poverty").isEmpty();
    }

    @Test
    void placesAHighGapDistrictOfTheRealTableAboveMostOfItsPeers() {
        // Chinle Unified (Navajo Nation, Arizona): 70% of children without a computer or broadband in the ACS.
        PublicFigures real = PublicFigures.bundled();
        PublicFigures.DistrictFigures chinle = real.districts().stream().filter(f -> f.name().startsWith("Chinle")).findFirst().orElseThrow();
        PeerFigures peers = SimilarDistricts.bundled().compare(real.starter(chinle)).orElseThrow();

        assertThat(peers.districts()).isGreaterThanOrEqualTo(20);
        assertThat(peers.lagging()).isTrue();
        assertThat(peers.median()).isLessThan(chinle.noComputerOrBroadband());
    }
}
