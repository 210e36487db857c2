package org.equityadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.equityadvisor.advise.Decision;
import org.equityadvisor.advise.Explanation;
import org.equityadvisor.advise.Frames;
import org.equityadvisor.advise.Firing;
import org.equityadvisor.export.AdviceWriter;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.model.Finding;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "The whole trace: findings, rules fired in order, the facts each matched, and why each candidate was kept or dropped.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Mixin
    LanguageOption lang;

    @Parameters(paramLabel = "FILE", description = "the assessment")
    Path file;

    @Option(names = "--suggestion", paramLabel = "ID", description = "only the trace behind one goal, action or partner id")
    String suggestion;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default) or json")
    String format;

    @Override
    public Integer call() {
        KnowledgeBase kb = rules.load();
        if (suggestion != null && !kb.goals().containsKey(suggestion) && !kb.actions().containsKey(suggestion) && !kb.partners().containsKey(suggestion)) {
            throw new InputException("--suggestion", new Problem("--suggestion", "'" + suggestion + "' is not a goal, action or partner of the catalog"));
        }
        if (!format.equals("text") && !format.equals("json")) {
            throw new InputException("--format", new Problem("--format", "'" + format + "' is not a format: use text or json"));
        }
        Explanation explanation = lang.apply(Inputs.advisor(kb)).explain(Inputs.assessment(kb, file));
        PrintWriter out = spec.commandLine().getOut();
        String language = explanation.advice().language();
        Frames w = Frames.of("org.equityadvisor.cli.explain", language);
        List<Firing> firings = suggestion == null ? explanation.firings() : chain(explanation.firings(), suggestion, language);
        List<Decision> decisions = explanation.decisions().stream().filter(d -> suggestion == null || d.id().equals(suggestion)).toList();
        if (format.equals("json")) {
            out.print(AdviceWriter.json(suggestion == null ? explanation : new Explanation(explanation.advice(), firings, decisions)));
            return Main.OK;
        }
        out.println(w.get("title", explanation.advice().district(), explanation.advice().ruleSet()));
        if (suggestion == null) {
            out.println();
            out.println(w.get("findings"));
            for (Finding f : explanation.advice().findings()) {
                out.println("  " + f.kind() + " " + f.id() + (f.group() == null ? "" : " [" + f.group() + "]") + ": " + f.text()
                        + (f.rule() == null ? "" : w.get("rule", f.rule())));
            }
        }
        out.println();
        out.println(suggestion == null ? w.get("fired") : w.get("behind", suggestion));
        if (firings.isEmpty()) {
            out.println(w.get("none"));
        }
        for (Firing f : firings) {
            out.println("  " + f.order() + ". [" + f.stage() + "] " + f.rule());
            f.matched().forEach(m -> out.println(w.get("matched") + m));
            f.inserted().forEach(m -> out.println(w.get("added") + m));
            f.deleted().forEach(m -> out.println(w.get("removed") + m));
        }
        out.println();
        out.println(w.get("decisions"));
        if (decisions.isEmpty()) {
            out.println(w.get("noDecision", suggestion == null ? w.get("anything") : suggestion));
        }
        for (Decision d : decisions) {
            out.println("  " + d.id() + "  " + w.get(d.outcome()) + ": " + d.reason());
        }
        return Main.OK;
    }

    /** The firings that suggested or removed the id, and, before them, those that derived what they matched. */
    static List<Firing> chain(List<Firing> firings, String id, String language) {
        // A suggestion fact is described "suggestion AS-11 (title)", in the trace's language.
        String mark = Frames.engine(language).get("fact.suggestion", id, "").replace("()", "");
        Set<String> wanted = new HashSet<>();
        List<Firing> picked = new ArrayList<>();
        for (int i = firings.size() - 1; i >= 0; i--) {
            Firing f = firings.get(i);
            boolean about = f.inserted().stream().anyMatch(s -> s.startsWith(mark)) || f.deleted().stream().anyMatch(s -> s.startsWith(mark))
                    || f.matched().stream().anyMatch(s -> s.startsWith(mark));
            boolean feeds = f.inserted().stream().anyMatch(wanted::contains);
            if (about || feeds) {
                picked.add(0, f);
                wanted.addAll(f.matched());
            }
        }
        return picked;
    }
}
