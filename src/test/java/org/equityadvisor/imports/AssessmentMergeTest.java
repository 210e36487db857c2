package org.equityadvisor.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.Measure;
import org.junit.jupiter.api.Test;

class AssessmentMergeTest {

    private static final District OWN = new District("Riverbend Unified", null, "CA", "rural", 4200, null, 68.0, null, List.of("AS-16"));
    private static final Measure OWN_GM01 = new Measure("GM-01", "all", 12.5, 4100, null, 2025, "2025 family survey", Measure.Kind.SURVEY);
    private static final Measure ACS_GM01 = new Measure("GM-01", "all", 22.1, 4591, 9.5, 2018, "ACS 2014-2018 estimate", Measure.Kind.ESTIMATE);

    private static Assessment assessment(District d, List<Measure> measures) {
        return new Assessment(d, List.of(new Answer("SA-ACC-01", 2)), measures, Map.of());
    }

    @Test
    void keepsTheDistrictsOwnFigureOverAnEstimateAndSaysSoInItsSource() {
        District acs = new District("Riverbend Unified School District", "0612345", "CA", null, null, null, 30.1, null, List.of());
        Assessment incoming = new Assessment(acs, List.of(), List.of(ACS_GM01), Map.of());

        AssessmentMerge.Merged m = AssessmentMerge.merge(assessment(OWN, List.of(OWN_GM01)), incoming, "the public figures");

        Measure kept = m.assessment().measure("GM-01", "all").orElseThrow();
        assertThat(kept.value()).isEqualTo(12.5);
        assertThat(kept.kind()).isEqualTo(Measure.Kind.SURVEY);
        assertThat(kept.source()).isEqualTo("2025 family survey; used instead of 22.1 from ACS 2014-2018 estimate");
        assertThat(m.assessment().district().name()).isEqualTo("Riverbend Unified");
        assertThat(m.assessment().district().id()).as("a blank is filled").isEqualTo("0612345");
        assertThat(m.assessment().district().lowIncomePct()).isEqualTo(68.0);
        assertThat(m.assessment().answers()).containsExactly(new Answer("SA-ACC-01", 2));
        assertThat(m.notices()).containsExactly(
                "kept the district's own name (Riverbend Unified) over Riverbend Unified School District from the public figures",
                "kept the district's own lowIncomePct (68) over 30.1 from the public figures",
                "kept the district's own GM-01 (12.5) over the estimate from the public figures (22.1)");
    }

    @Test
    void replacesAnOlderFigureOfTheDistrictsOwnWithTheNewSurveyAndSaysWhatItReplaced() {
        Measure survey = new Measure("GM-01", "all", 9.8, 3900, null, 2026, "home-access survey (fall.csv)", Measure.Kind.SURVEY);

        AssessmentMerge.Merged m = AssessmentMerge.merge(assessment(OWN, List.of(OWN_GM01)), assessment(OWN, List.of(survey)), "the survey fall.csv");

        assertThat(m.assessment().measure("GM-01", "all").orElseThrow().source()).isEqualTo("home-access survey (fall.csv); replaces 12.5 (2025 family survey)");
        assertThat(m.notices()).containsExactly("replaced GM-01 (12.5, 2025 family survey) with 9.8 from the survey fall.csv");
    }

    @Test
    void replacesAnEstimateWithTheDistrictsOwnSurvey() {
        Measure survey = new Measure("GM-01", "all", 9.8, 3900, null, 2026, "home-access survey (fall.csv)", Measure.Kind.SURVEY);

        AssessmentMerge.Merged m = AssessmentMerge.merge(assessment(OWN, List.of(ACS_GM01)), assessment(OWN, List.of(survey)), "the survey fall.csv");

        assertThat(m.assessment().measure("GM-01", "all").orElseThrow().value()).isEqualTo(9.8);
        assertThat(m.notices()).containsExactly("replaced GM-01 (22.1, ACS 2014-2018 estimate) with 9.8 from the survey fall.csv");
    }

    @Test
    void mergingTheSameImportAgainChangesNothingAndStacksNoRemarks() {
        Measure survey = new Measure("GM-01", "all", 9.8, 3900, null, 2026, "home-access survey (fall.csv)", Measure.Kind.SURVEY);
        Assessment once = AssessmentMerge.merge(assessment(OWN, List.of(OWN_GM01)), assessment(OWN, List.of(survey)), "the survey").assessment();

        AssessmentMerge.Merged twice = AssessmentMerge.merge(once, assessment(OWN, List.of(survey)), "the survey");

        assertThat(twice.assessment()).isEqualTo(once);
        assertThat(twice.notices()).isEmpty();
    }

    @Test
    void addsNewFiguresAndGroupsBesideTheExistingOnes() {
        Measure group = new Measure("GM-01", "low-income", 20.0, 900, null, 2026, "survey", Measure.Kind.SURVEY);

        AssessmentMerge.Merged m = AssessmentMerge.merge(assessment(OWN, List.of(OWN_GM01)), assessment(OWN, List.of(group)), "the survey");

        assertThat(m.assessment().measures()).containsExactly(OWN_GM01, group);
        assertThat(m.notices()).isEmpty();
    }
}
