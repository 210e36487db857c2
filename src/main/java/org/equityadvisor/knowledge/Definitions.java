package org.equityadvisor.knowledge;

import java.util.List;
import java.util.SortedMap;
import org.equityadvisor.model.Action;
import org.equityadvisor.model.Goal;
import org.equityadvisor.model.GroupLabel;
import org.equityadvisor.model.Indicator;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.NtiaField;
import org.equityadvisor.model.Partner;
import org.equityadvisor.model.Programme;
import org.equityadvisor.model.Source;

/** Everything the YAML files of a rule set define, by id in id order. */
record Definitions(
        SortedMap<String, Source> sources,
        SortedMap<String, Indicator> indicators,
        SortedMap<String, Metric> metrics,
        List<GroupLabel> groups,
        SortedMap<String, Goal> goals,
        SortedMap<String, Action> actions,
        SortedMap<String, Partner> partners,
        SortedMap<String, Programme> programmes,
        Ranking ranking,
        SortedMap<String, NtiaField> ntia,
        Fit fit) {

    /** True when the id names a goal, action, partner, metric, indicator or programme. */
    boolean defines(String id) {
        return goals.containsKey(id) || actions.containsKey(id) || partners.containsKey(id)
                || metrics.containsKey(id) || indicators.containsKey(id) || programmes.containsKey(id);
    }
}
