package org.equityadvisor.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.equityadvisor.advise.Advisor;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.knowledge.RuleInfo;
import org.equityadvisor.model.Divide;
import org.equityadvisor.model.Source;

/**
 * "How the advisor decides": a page per rule (its name, why it exists, stage, divides, conditions, what it
 * suggests, its sources with titles, the scenarios where it fires and those that show its near miss) and an
 * index, in HTML or Markdown. The web app serves the HTML pages; {@code rules doc --out DIR} writes them.
 *
 * <pre>{@code
 * SortedMap<String, String> pages = RuleBook.of(kb, Path.of("scenarios")).pages(RuleBook.Format.HTML);   // file name -> page
 * }</pre>
 */
public final class RuleBook {

    public enum Format {
        HTML(".html"), MARKDOWN(".md");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /** The name of the index page, without its extension. */
    public static final String INDEX = "index";

    private static final Map<String, String> STAGES = Map.of(
            RuleInfo.DETECT, "Detect: the district's figures and self-ratings become findings (gaps, weaknesses, strengths, missing data).",
            RuleInfo.SUGGEST, "Suggest: findings become candidate goals, action steps and partners.",
            RuleInfo.REFINE, "Refine: suggestions the findings make redundant are removed.");

    private final KnowledgeBase kb;
    private final Map<String, List<String>> firesIn;
    private final Map<String, List<String>> nearMissIn;
    private final Map<String, String> slugs;

    private RuleBook(KnowledgeBase kb, Map<String, List<String>> firesIn, Map<String, List<String>> nearMissIn) {
        this.kb = kb;
        this.firesIn = firesIn;
        this.nearMissIn = nearMissIn;
        this.slugs = slugs(kb.rules());
    }

    /** The rule pages of a rule set; with a scenarios folder, each page names where its rule fires and misses. */
    public static RuleBook of(KnowledgeBase kb, Path scenarios) {
        Map<String, List<String>> fires = new TreeMap<>();
        Map<String, List<String>> misses = new TreeMap<>();
        if (scenarios != null) {
            SuiteResult result = ScenarioSuite.load(scenarios, kb).run(new Advisor(kb));
            for (ScenarioResult r : result.results()) {
                if (!r.scenario().readable()) {
                    continue;
                }
                String label = r.scenario().name() + " (" + Path.of(r.scenario().file()).getFileName() + ")";
                r.fired().forEach(rule -> fires.computeIfAbsent(rule, k -> new ArrayList<>()).add(label));
                // A near miss counts only where it held: a listed rule that fired is a failure, not a near miss.
                r.scenario().expect().notFired().stream().filter(rule -> !r.fired().contains(rule))
                        .forEach(rule -> misses.computeIfAbsent(rule, k -> new ArrayList<>()).add(label));
            }
            // A row of the trigger table shows its generated cases: where it fires, and each near miss.
            for (ScenarioResult r : result.generated()) {
                if (!r.passed()) {
                    continue;
                }
                String rule = r.scenario().description();
                String label = "generated: " + r.scenario().name().replaceFirst("^row \\d+ (fires on |near miss: )", "");
                (r.scenario().expect().fired().isEmpty() ? misses : fires).computeIfAbsent(rule, k -> new ArrayList<>()).add(label);
            }
        }
        return new RuleBook(kb, fires, misses);
    }

    /** Every page by file name ("index.html", "suggest-a-homework-hotspot-map-….html"), in name order. */
    public SortedMap<String, String> pages(Format format) {
        SortedMap<String, String> pages = new TreeMap<>();
        pages.put(INDEX + format.extension(), index(format));
        for (RuleInfo rule : kb.rules()) {
            pages.put(slugs.get(rule.name()) + format.extension(), page(rule, format));
        }
        return Collections.unmodifiableSortedMap(pages);
    }

    /** Writes every page into a folder (created if needed); returns how many were written. */
    public int write(Path dir, Format format) {
        SortedMap<String, String> pages = pages(format);
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                Files.writeString(dir.resolve(page.getKey()), page.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rule pages to " + dir, e);
        }
        return pages.size();
    }

    /** The page name of a rule (without extension). */
    public String slug(String rule) {
        return slugs.get(rule);
    }

    private static Map<String, String> slugs(List<RuleInfo> rules) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(Set.of(INDEX));
        for (RuleInfo r : rules) {
            String base = r.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            base = base.length() > 90 ? base.substring(0, 90).replaceAll("-$", "") : base;
            String slug = base;
            for (int i = 2; !taken.add(slug); i++) {
                slug = base + "-" + i;
            }
            out.put(r.name(), slug);
        }
        return out;
    }

    // ---- content, shared by both formats -----------------------------------------------------------------

    private record Section(String title, List<String> items, boolean code) {
    }

    private List<Section> sections(RuleInfo rule) {
        List<Section> out = new ArrayList<>();
        out.add(new Section("Stage", List.of(STAGES.getOrDefault(rule.stage(), String.valueOf(rule.stage()))), false));
        out.add(new Section("Divide", List.of(rule.divides().stream().map(RuleBook::divide).collect(Collectors.joining(", "))), false));
        if (!rule.when().isEmpty()) {
            out.add(new Section("When", List.of(rule.when()), true));
        }
        if (!rule.suggests().isEmpty()) {
            out.add(new Section("Suggests", rule.suggests().stream().map(id -> id + ": " + title(id)).toList(), false));
        }
        List<String> sources = new ArrayList<>();
        for (String id : rule.sources()) {
            Source s = kb.sources().get(id);
            sources.add(s == null ? id : id + ": " + s.citation() + (s.note() == null ? "" : ". " + s.note()));
        }
        out.add(new Section("Sources", sources, false));
        if (rule.validUntil() != null) {
            out.add(new Section("Valid until", List.of(rule.validUntil().toString() + ": after this day the rule no longer suggests anything"), false));
        }
        List<String> fires = firesIn.getOrDefault(rule.name(), List.of());
        out.add(new Section("Fires in", fires.isEmpty() ? List.of("No scenario makes this rule fire.") : fires, false));
        List<String> misses = nearMissIn.getOrDefault(rule.name(), List.of());
        out.add(new Section("Near miss in", misses.isEmpty() ? List.of("No scenario shows a near miss of this rule.") : misses, false));
        out.add(new Section("Defined in", List.of(rule.location()), false));
        return out;
    }

    private String title(String id) {
        if (kb.goals().containsKey(id)) {
            return kb.goals().get(id).title();
        }
        if (kb.actions().containsKey(id)) {
            return kb.actions().get(id).title();
        }
        return kb.partners().containsKey(id) ? kb.partners().get(id).title() : id;
    }

    private static String divide(Divide d) {
        return d.name().charAt(0) + d.name().substring(1).toLowerCase(Locale.ROOT);
    }

    private Map<String, List<RuleInfo>> byStage() {
        Map<String, List<RuleInfo>> out = new LinkedHashMap<>();
        for (String stage : RuleInfo.STAGES) {
            out.put(stage, kb.rules().stream().filter(r -> stage.equals(r.stage())).toList());
        }
        return out;
    }

    private String intro() {
        return "The advisor reads a district's figures and self-ratings and runs " + kb.rules().size()
                + " rules in three stages. Each page says why a rule exists, what it looks for, what it suggests, the documents it"
                + " rests on, and the test districts where it fires and where it just does not. Rule set " + kb.hash() + ".";
    }

    // ---- Markdown ---------------------------------------------------------------------------------------

    private String index(Format format) {
        return format == Format.HTML ? indexHtml() : indexMarkdown();
    }

    private String page(RuleInfo rule, Format format) {
        return format == Format.HTML ? pageHtml(rule) : pageMarkdown(rule);
    }

    private String indexMarkdown() {
        StringBuilder out = new StringBuilder("# How the advisor decides\n\n").append(intro()).append("\n");
        byStage().forEach((stage, rules) -> {
            out.append("\n## ").append(STAGES.get(stage)).append("\n\n| rule | divide | suggests |\n|---|---|---|\n");
            for (RuleInfo r : rules) {
                out.append("| [").append(md(r.name())).append("](").append(slugs.get(r.name())).append(".md) | ")
                        .append(r.divides().stream().map(RuleBook::divide).collect(Collectors.joining(", "))).append(" | ")
                        .append(String.join(", ", r.suggests())).append(" |\n");
            }
        });
        return out.toString();
    }

    private String pageMarkdown(RuleInfo rule) {
        StringBuilder out = new StringBuilder("# ").append(md(rule.name())).append("\n\n");
        if (!rule.intent().isEmpty()) {
            out.append(md(rule.intent())).append("\n\n");
        }
        for (Section s : sections(rule)) {
            out.append("## ").append(s.title()).append("\n\n");
            if (s.code()) {
                out.append("```\n").append(s.items().get(0)).append("\n```\n\n");
            } else if (s.items().size() == 1 && !s.title().equals("Suggests") && !s.title().equals("Sources")) {
                out.append(md(s.items().get(0))).append("\n\n");
            } else {
                s.items().forEach(i -> out.append("- ").append(md(i)).append("\n"));
                out.append("\n");
            }
        }
        out.append("[All rules](").append(INDEX).append(".md)\n");
        return out.toString();
    }

    private static String md(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;");
    }

    // ---- HTML -------------------------------------------------------------------------------------------

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}"
            + "a{color:#0b4f8a}pre{background:#f3f3f3;padding:.75rem;overflow-x:auto}table{border-collapse:collapse;width:100%}"
            + "th,td{text-align:left;border-bottom:1px solid #ccc;padding:.4rem;vertical-align:top}";

    private static String html(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
    }

    private String indexHtml() {
        StringBuilder out = new StringBuilder("<h1>How the advisor decides</h1>\n<p>").append(esc(intro())).append("</p>\n");
        byStage().forEach((stage, rules) -> {
            out.append("<h2>").append(esc(STAGES.get(stage))).append("</h2>\n<table>\n<thead><tr><th scope=\"col\">Rule</th>")
                    .append("<th scope=\"col\">Divide</th><th scope=\"col\">Suggests</th></tr></thead>\n<tbody>\n");
            for (RuleInfo r : rules) {
                out.append("<tr><td><a href=\"").append(slugs.get(r.name())).append(".html\">").append(esc(r.name())).append("</a></td><td>")
                        .append(esc(r.divides().stream().map(RuleBook::divide).collect(Collectors.joining(", ")))).append("</td><td>")
                        .append(esc(String.join(", ", r.suggests()))).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        });
        return html("How the advisor decides", out.toString());
    }

    private String pageHtml(RuleInfo rule) {
        StringBuilder out = new StringBuilder("<nav aria-label=\"Breadcrumb\"><a href=\"").append(INDEX).append(".html\">All rules</a></nav>\n");
        out.append("<h1>").append(esc(rule.name())).append("</h1>\n");
        if (!rule.intent().isEmpty()) {
            out.append("<p>").append(esc(rule.intent())).append("</p>\n");
        }
        for (Section s : sections(rule)) {
            out.append("<h2>").append(esc(s.title())).append("</h2>\n");
            if (s.code()) {
                out.append("<pre><code>").append(esc(s.items().get(0))).append("</code></pre>\n");
            } else if (s.items().size() == 1 && !s.title().equals("Suggests") && !s.title().equals("Sources")) {
                out.append("<p>").append(esc(s.items().get(0))).append("</p>\n");
            } else {
                out.append("<ul>\n");
                s.items().forEach(i -> out.append("<li>").append(esc(i)).append("</li>\n"));
                out.append("</ul>\n");
            }
        }
        return html(rule.name() + " · How the advisor decides", out.toString());
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
