package org.equityadvisor.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Measure;
import org.equityadvisor.testing.RealData;
import org.junit.jupiter.api.Test;

class PublicFiguresTest {

    private final PublicFigures table = PublicFigures.bundled();

    private PublicFigures.DistrictFigures district(String leaid) {
        return table.district(leaid).orElseThrow(() -> new AssertionError(leaid + " is not in the table"));
    }

    @Test
    void shipsEveryDistrictOfTheTable() {
        assertThat(table.districts()).hasSize(13_313);
        assertThat(table.districts().stream().filter(d -> d.children() == 0)).as("placeholder rows").hasSize(46);
        assertThat(table.states()).hasSize(52).contains("DC", "PR");
        assertThat(table.inState("DE")).hasSize(16);
        assertThat(table.inState("delaware")).isEqualTo(table.inState("de"));
        assertThat(table.inState("Illinois")).hasSize(862);
        assertThat(table.inState("Narnia")).isEmpty();
    }

    // Figures below were read off the CSV rows by hand and rounded to one decimal.

    @Test
    void startsLosAngelesFromItsOwnRowWithSourceYearAndMarginOfError() {
        Assessment a = table.starter(district("0622710"));

        assertThat(a.district().name()).isEqualTo("Los Angeles Unified School District");
        assertThat(a.district().id()).isEqualTo("0622710");
        assertThat(a.district().state()).isEqualTo("CA");
        assertThat(a.district().lowIncomePct()).as("pct_pov 22.4077").isEqualTo(22.4);
        assertThat(a.district().enrollment()).as("children in the area are not enrolled students").isNull();
        Measure gap = a.measures().get(0);
        assertThat(gap.metric()).isEqualTo("GM-01");
        assertThat(gap.value()).as("pct_NCI 17.4524").isEqualTo(17.5);
        assertThat(gap.moe()).isEqualTo(0.5);
        assertThat(gap.n()).isEqualTo(724_446);
        assertThat(gap.year()).isEqualTo(2018);
        assertThat(gap.kind()).isEqualTo(Measure.Kind.ESTIMATE);
        assertThat(gap.source()).isEqualTo("ACS 2014-2018 estimate (Urban Institute): children 5-17 in households with no computer or no broadband");
        assertThat(a.measures()).hasSize(1);
    }

    @Test
    void readsChicagoDistrictOfColumbiaAndPuertoRicoByHand() {
        assertThat(district("1709930")).isEqualTo(new PublicFigures.DistrictFigures("1709930", "IL", "Illinois", "North Central",
                "Chicago Public School District 299", 399_883, 23.086918890476227, 19.146226346492767, 1.0));
        assertThat(table.starter(district("1100030")).measures().get(0).value()).as("pct_NCI 20.9671").isEqualTo(21.0);
        assertThat(table.starter(district("1100030")).district().state()).isEqualTo("DC");
        assertThat(table.starter(district("7200030")).district().lowIncomePct()).as("pct_pov 54.1766").isEqualTo(54.2);
        assertThat(table.starter(district("7200030")).district().state()).isEqualTo("PR");
    }

    @Test
    void flagsAMarginOfErrorWiderThanHalfTheEstimate() {
        assertThat(district("1000270").wideMargin()).as("Delmar: 6.9 ± 4").isTrue();
        assertThat(district("1000080").wideMargin()).as("Appoquinimink: 2.4 ± 1.5").isTrue();
        assertThat(district("1001300").wideMargin()).as("Red Clay: 10.8 ± 2.5").isFalse();
        assertThat(table.districts().stream().filter(d -> d.children() > 0 && d.wideMargin()).count())
                .as("most small districts' estimates are uncertain").isEqualTo(8_191);
    }

    @Test
    void refusesToStartFromAPlaceholderRowThatCountsNoChildren() {
        InputException e = catchThrowableOfType(InputException.class, () -> table.starter(district("0401230")));

        assertThat(e.getMessage()).contains("the public table counts no children aged 5-17 for Blue Elementary District (a placeholder row)");
    }

    @Test
    void shipsTheOriginalTableUnchanged() throws Exception {
        try (Reader in = Files.newBufferedReader(RealData.file(RealData.ACS), StandardCharsets.UTF_8)) {
            assertThat(PublicFigures.read(RealData.ACS, in).districts()).isEqualTo(table.districts());
        }
    }

    @Test
    void describesWhereTheFiguresComeFromAndWhatTheyAreNot() {
        assertThat(String.join("\n", PublicFigures.describe(district("1709930"))))
                .contains("Chicago Public School District 299 (IL), NCES id 1709930", "399,883 children aged 5-17", "not a count of your students",
                        "Urban Institute", "SAIPE", "public domain", "upper bound");
    }
}
