package org.equityadvisor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricTest {

    private static Metric metric(Metric.Direction direction, Double threshold, Double severe) {
        return new Metric("GM-X", "t", "{value}", "%", null, direction, threshold, severe, "students", false, false, false,
                Divide.ACCESS, List.of(), Dimension.WHO, List.of("S"));
    }

    @Test
    void flagsValuesPastTheThresholdInItsBadDirection() {
        Metric noInternet = metric(Metric.Direction.HIGHER_IS_WORSE, 3.0, 10.0);
        Metric coverage = metric(Metric.Direction.LOWER_IS_WORSE, 70.0, 50.0);

        assertThat(noInternet.flags(3.0)).as("at the threshold is not past it").isFalse();
        assertThat(noInternet.flags(3.1)).isTrue();
        assertThat(noInternet.severeAt(10.5)).isTrue();
        assertThat(coverage.flags(69.0)).isTrue();
        assertThat(coverage.flags(71.0)).isFalse();
        assertThat(coverage.severeAt(49.0)).isTrue();
    }

    @Test
    void measuresHowFarAGroupIsBehindTheDistrict() {
        assertThat(metric(Metric.Direction.HIGHER_IS_WORSE, 3.0, null).behind(9, 2)).isEqualTo(7);
        assertThat(metric(Metric.Direction.LOWER_IS_WORSE, 70.0, null).behind(60, 80)).isEqualTo(20);
    }

    @Test
    void anInformationalMetricNeverFlags() {
        Metric info = metric(Metric.Direction.HIGHER_IS_WORSE, null, null);
        assertThat(info.informational()).isTrue();
        assertThat(info.flags(100)).isFalse();
    }

    @Test
    void aDistrictThresholdReplacesTheDefault() {
        assertThat(metric(Metric.Direction.HIGHER_IS_WORSE, 25.0, null).withThreshold(20).flags(22)).isTrue();
    }

    @Test
    void problemsSortByPlaceNaturally() {
        List<Problem> sorted = java.util.stream.Stream.of(new Problem("a.yaml:10", "x"), new Problem("a.yaml:9", "y"),
                new Problem("measures[10].value", "z"), new Problem("measures[2].value", "w")).sorted().toList();
        assertThat(sorted).extracting(Problem::place).containsExactly("a.yaml:9", "a.yaml:10", "measures[2].value", "measures[10].value");
    }

    @Test
    void groupFamiliesNameTheirMember() {
        GroupLabel race = new GroupLabel("race:*", "{name} students");
        assertThat(race.matches("race:Hispanic")).isTrue();
        assertThat(race.matches("race:")).isFalse();
        assertThat(race.name("race:Hispanic")).isEqualTo("Hispanic students");
    }
}
