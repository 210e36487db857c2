package org.equityadvisor.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.PeerFigures;
import org.junit.jupiter.api.Test;

/**
 * The peer search is kept per district (a server compares the same districts again and again): a district
 * compared again, or with another home-internet figure, gets what a comparison that never searched before gives.
 */
class SimilarDistrictsKeptTest {

    private static Assessment withHomeInternet(Assessment a, double value) {
        List<Measure> measures = new ArrayList<>(a.measures().stream().filter(m -> !(m.metric().equals("GM-01") && m.group().equals(Measure.ALL))).toList());
        measures.add(new Measure("GM-01", Measure.ALL, value));
        return new Assessment(a.district(), a.answers(), measures, a.thresholds());
    }

    @Test
    void aDistrictComparedAgainOrWithAnotherFigureGetsWhatAFirstComparisonGives() {
        PublicFigures table = PublicFigures.bundled();
        SimilarDistricts kept = new SimilarDistricts(table);
        List<PublicFigures.DistrictFigures> rows = table.districts();
        int compared = 0;
        for (int i = 0; i < rows.size(); i += 60) {
            Assessment starter;
            try {
                starter = table.starter(rows.get(i));
            } catch (InputException placeholder) {
                continue;
            }
            for (double value : new double[] { 0.5, 7.0, 30.0 }) {
                Assessment a = withHomeInternet(starter, value);
                Optional<PeerFigures> first = new SimilarDistricts(table).compare(a);
                assertThat(kept.compare(a)).as(rows.get(i).leaid() + " at " + value).isEqualTo(first);
                assertThat(kept.compare(a)).isEqualTo(first);
                compared += first.isPresent() ? 1 : 0;
            }
        }
        assertThat(compared).as("districts that have peers").isGreaterThan(300);
    }
}
