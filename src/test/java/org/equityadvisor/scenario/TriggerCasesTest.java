package org.equityadvisor.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.advise.Firing;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Divide;
import org.equityadvisor.model.Trigger;
import org.equityadvisor.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated cases of the trigger table catch a rule that is wider or narrower than its row says: every
 * shipped row is compiled again with each of its conditions dropped (widened) and with one added (narrowed),
 * and a near miss must make each widened copy fire, the firing case must leave each narrowed copy silent.
 */
class TriggerCasesTest {

    @TempDir
    Path tmp;

    private record Mutant(Trigger original, Trigger copy, boolean widened) {
    }

    private static Trigger copy(Trigger t, String change, List<String> on, List<String> groups, String locale, boolean severe, Integer level) {
        return new Trigger(t.rule() + " [" + change + "]", 0, t.finding(), on, groups, locale, severe, level, t.suggests(), t.divides(), t.sources(), "");
    }

    private static List<Mutant> mutants(Trigger t) {
        List<Mutant> out = new ArrayList<>();
        if (!t.on().isEmpty()) {
            out.add(new Mutant(t, copy(t, "widened: on", List.of(), t.groups(), t.locale(), t.severe(), t.level()), true));
        }
        if (!t.groups().isEmpty()) {
            out.add(new Mutant(t, copy(t, "widened: group", t.on(), List.of(), t.locale(), t.severe(), t.level()), true));
        } else if (t.finding() == Trigger.Finding.GAP) {
            out.add(new Mutant(t, copy(t, "narrowed: group", t.on(), List.of("homeless"), t.locale(), t.severe(), t.level()), false));
        }
        if (t.locale() != null) {
            out.add(new Mutant(t, copy(t, "widened: locale", t.on(), t.groups(), null, t.severe(), t.level()), true));
        } else {
            out.add(new Mutant(t, copy(t, "narrowed: locale", t.on(), t.groups(), "town", t.severe(), t.level()), false));
        }
        if (t.severe()) {
            out.add(new Mutant(t, copy(t, "widened: severity", t.on(), t.groups(), t.locale(), false, t.level()), true));
        } else if (t.finding() == Trigger.Finding.GAP) {
            out.add(new Mutant(t, copy(t, "narrowed: severity", t.on(), t.groups(), t.locale(), true, t.level()), false));
        }
        if (t.level() != null) {
            out.add(new Mutant(t, copy(t, "widened: level", t.on(), t.groups(), t.locale(), t.severe(), null), true));
        } else if (t.finding() == Trigger.Finding.WEAKNESS) {
            out.add(new Mutant(t, copy(t, "narrowed: level", t.on(), t.groups(), t.locale(), t.severe(), 1), false));
        }
        return out;
    }

    private static String csv(Trigger t) {
        return List.of(t.rule(), t.finding().word(), String.join(" ", t.on()), String.join(" ", t.groups()), t.locale() == null ? "" : t.locale(),
                t.severe() ? "severe" : "", t.level() == null ? "" : t.level().toString(), String.join(" ", t.suggests()),
                t.divides().stream().map(Divide::name).collect(Collectors.joining(" ")), String.join(" ", t.sources()), t.why())
                .stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").collect(Collectors.joining(",")) + "\n";
    }

    @Test
    void everyWidenedOrNarrowedConditionOfAShippedRowFailsAGeneratedCase() {
        KnowledgeBase shipped = Fixtures.bundled();
        List<Mutant> mutants = shipped.triggers().stream().flatMap(t -> mutants(t).stream()).toList();
        StringBuilder table = new StringBuilder("rule,finding,on,group,locale,severity,level,suggests,divide,sources,why\n");
        shipped.triggers().forEach(t -> table.append(csv(t)));
        mutants.forEach(m -> table.append(csv(m.copy())));
        Path rules = Fixtures.copy(Fixtures.BUNDLED_RULES, tmp);
        Fixtures.write(rules.resolve("triggers.csv"), table.toString());
        Advisor mutated = new Advisor(KnowledgeBase.load(rules));
        TriggerCases cases = new TriggerCases(shipped);

        List<String> survivors = new ArrayList<>();
        for (Mutant m : mutants) {
            boolean caught = false;
            for (Scenario s : cases.of(m.original())) {
                boolean nearMiss = !s.expect().notFired().isEmpty();
                Set<String> fired = mutated.explain(s.assessment()).firings().stream().map(Firing::rule).collect(Collectors.toSet());
                caught |= m.widened() ? nearMiss && fired.contains(m.copy().rule()) : !nearMiss && !fired.contains(m.copy().rule());
            }
            if (!caught) {
                survivors.add(m.copy().rule());
            }
        }

        long widened = mutants.stream().filter(Mutant::widened).count();
        System.out.printf("Trigger table: %d rows; %d widened and %d narrowed copies; %d not caught by a generated case%n",
                shipped.triggers().size(), widened, mutants.size() - widened, survivors.size());
        assertThat(mutants).hasSizeGreaterThan(shipped.triggers().size());
        assertThat(survivors).as("copies of rows that no generated case catches").isEmpty();
    }
}
