package org.equityadvisor.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.equityadvisor.model.Action;
import org.equityadvisor.model.Answer;
import org.equityadvisor.model.Dimension;
import org.equityadvisor.model.Divide;
import org.equityadvisor.model.Goal;
import org.equityadvisor.model.GroupLabel;
import org.equityadvisor.model.Indicator;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.NtiaField;
import org.equityadvisor.model.OutcomeTemplate;
import org.equityadvisor.model.Partner;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.Programme;
import org.equityadvisor.model.Source;
import org.equityadvisor.model.Timeline;

/**
 * Reads the YAML files of a rule set into {@link Definitions}, reporting every problem with file and line:
 * malformed YAML, unknown or missing fields, duplicate ids, and references to ids nobody defines.
 */
final class DefinitionsReader {

    static final String SOURCES = "sources.yaml";
    static final String INDICATORS = "framework/indicators.yaml";
    static final String METRICS = "framework/metrics.yaml";
    static final String GROUPS = "framework/groups.yaml";
    static final String GOALS = "catalog/goals.yaml";
    static final String ACTIONS = "catalog/actions.yaml";
    static final String PARTNERS = "catalog/partners.yaml";
    static final String PROGRAMMES = "programmes.yaml";
    static final String RANKING = "ranking.yaml";
    /** Optional: without it, advice is not fitted to the district's size. */
    static final String FIT = "fit.yaml";
    static final List<String> FILES = List.of(SOURCES, INDICATORS, METRICS, GROUPS, GOALS, ACTIONS, PARTNERS, PROGRAMMES, RANKING);
    /** Optional: how plan goals roll up into a State Digital Equity Plan (the state roll-up reads it; advice does not). */
    static final String NTIA = "ntia.yaml";
    private static final Set<String> NTIA_FIELDS = Set.of("id", "kind", "title", "goals", "metrics", "groups", "except", "locales", "sources");
    private static final Set<String> LOCALES = Set.of("city", "suburb", "town", "rural");

    private static final Set<String> COMPONENTS = Set.of("AVAILABILITY", "AFFORDABILITY", "ADOPTION");
    private static final Set<String> DOMAINS = Set.of("LEADERSHIP", "COHERENT_SYSTEMS", "CONSISTENT_ACCESS", "POWERFUL_LEARNING", "DIGITAL_COMPETENCY");
    private static final Set<String> POPULATIONS = Set.of("students", "teachers", "staff", "families", "schools", "tools", "district");
    private static final Set<String> STATUSES = Set.of("active", "ended", "changing", "uncertain");
    private static final Set<String> UNITS = Set.of("%", "pp", "months", "Mbps", "kbps", "Gbps", "ratio");

    private static final Set<String> SOURCE_FIELDS = Set.of("id", "title", "publisher", "year", "note", "url");
    private static final Set<String> INDICATOR_FIELDS = Set.of("id", "title", "divide", "components", "dimension", "domain", "levels", "sources");
    private static final Set<String> METRIC_FIELDS = Set.of("id", "title", "text", "unit", "per", "direction", "threshold", "severe", "population", "key", "disaggregate", "proposal", "divide", "components", "dimension", "sources");
    private static final Set<String> GROUP_FIELDS = Set.of("id", "label");
    private static final Set<String> GOAL_FIELDS = Set.of("id", "title", "description", "divide", "dimension", "sources");
    private static final Set<String> ACTION_FIELDS = Set.of("id", "title", "description", "goal", "divide", "components", "dimension", "timeline", "team", "partners", "indicators", "outcome", "programmes", "sources");
    private static final Set<String> PARTNER_FIELDS = Set.of("id", "title", "description", "goals", "sources");
    private static final Set<String> PROGRAMME_FIELDS = Set.of("id", "name", "status", "ended", "caveat", "note", "sources");

    private final RuleFiles files;
    private final List<Problem> problems = new ArrayList<>();
    /** Where each entry was defined, for cross-reference problems found after reading. */
    private final Map<String, YamlEntry> entries = new HashMap<>();
    /** Files that could not be parsed: references to what they define would only repeat their problem. */
    private final Set<String> unreadable = new java.util.HashSet<>();

    private DefinitionsReader(RuleFiles files) {
        this.files = files;
    }

    /** The definitions, with {@code problems} filled in; the definitions are only usable when it stays empty. */
    static Definitions read(RuleFiles files, List<Problem> problems) {
        DefinitionsReader reader = new DefinitionsReader(files);
        Definitions definitions = reader.readAll();
        problems.addAll(reader.problems);
        return definitions;
    }

    private Definitions readAll() {
        for (String path : files.paths(".yaml")) {
            if (!FILES.contains(path) && !FIT.equals(path) && !NTIA.equals(path) && !path.startsWith(Translations.FOLDER)) {
                problems.add(new Problem(path, "is not a file the rule set reads (see rules/README.md for the layout)"));
            }
        }
        for (String path : files.paths(".yml")) {
            problems.add(new Problem(path, "rule set files end in .yaml; rename it"));
        }
        SortedMap<String, Source> sources = list(SOURCES, "", SOURCE_FIELDS, this::source);
        SortedMap<String, Indicator> indicators = list(INDICATORS, "SA-", INDICATOR_FIELDS, this::indicator);
        SortedMap<String, Metric> metrics = list(METRICS, "GM-", METRIC_FIELDS, this::metric);
        List<GroupLabel> groups = List.copyOf(list(GROUPS, "", GROUP_FIELDS, this::group).values());
        SortedMap<String, Goal> goals = list(GOALS, "G-", GOAL_FIELDS, this::goal);
        SortedMap<String, Action> actions = list(ACTIONS, "AS-", ACTION_FIELDS, this::action);
        SortedMap<String, Partner> partners = list(PARTNERS, "PT-", PARTNER_FIELDS, this::partner);
        SortedMap<String, Programme> programmes = list(PROGRAMMES, "", PROGRAMME_FIELDS, this::programme);
        Ranking ranking = ranking();
        Fit fit = fit();
        SortedMap<String, NtiaField> ntia = files.text(NTIA) == null ? new TreeMap<>() : list(NTIA, "", NTIA_FIELDS, this::ntia);
        Definitions d = new Definitions(sources, indicators, metrics, groups, goals, actions, partners, programmes, ranking, ntia, fit);
        crossCheck(d);
        return d;
    }

    private YamlDocument document(String path) {
        String text = files.text(path);
        if (text == null) {
            problems.add(new Problem(path, "is missing: every rule set has " + String.join(", ", FILES)));
            return null;
        }
        try {
            return YamlDocument.parse(path, text);
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private <T> SortedMap<String, T> list(String path, String prefix, Set<String> allowed, Function<YamlEntry, T> reader) {
        SortedMap<String, T> out = new TreeMap<>();
        YamlDocument doc = document(path);
        if (doc == null) {
            unreadable.add(path);
            return out;
        }
        JsonNode root = doc.root();
        if (!root.isArray()) {
            problems.add(new Problem(doc.at(root), "expected a list of entries, each starting with '- id:'"));
            return out;
        }
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            // Name the entry by its id in every problem, once it has one.
            JsonNode idNode = node.isObject() ? node.get("id") : null;
            String label = idNode != null && idNode.isValueNode() && !idNode.asText().isBlank() ? idNode.asText().strip() : "[" + i + "]";
            YamlEntry entry = YamlEntry.of(doc, node, label, problems, allowed);
            String id = node.isObject() ? entry.text("id", true) : null;
            if (id == null) {
                continue;
            }
            if (!id.startsWith(prefix) || id.contains(" ")) {
                entry.problem("id", "'" + id + "' must start with " + prefix + " and contain no spaces");
            }
            T value = reader.apply(entry);
            if (out.containsKey(id)) {
                entry.problem("id", "'" + id + "' is defined twice in " + path);
            } else if (value != null) {
                out.put(id, value);
                entries.put(path + "#" + id, entry);
            }
        }
        return out;
    }

    private Source source(YamlEntry e) {
        String title = e.text("title", true);
        String publisher = e.text("publisher", true);
        Integer year = e.integer("year", true);
        String note = e.text("note", false);
        e.text("url", false);
        if (year != null && (year < 1900 || year > 2100)) {
            e.problem("year", year + " is not a plausible year");
        }
        return title == null || publisher == null || year == null ? null : new Source(e.path(), title, publisher, year, note);
    }

    private Indicator indicator(YamlEntry e) {
        String title = e.text("title", true);
        Divide divide = e.choice("divide", Divide.class, true);
        List<String> components = components(e);
        Dimension dimension = e.choice("dimension", Dimension.class, true);
        String domain = e.text("domain", true);
        if (domain != null && !DOMAINS.contains(domain)) {
            e.problem("domain", "'" + domain + "' is not one of " + String.join(", ", new java.util.TreeSet<>(DOMAINS)));
        }
        Map<Integer, String> levels = new TreeMap<>();
        YamlEntry lv = e.child("levels", true, Set.of("1", "2", "3", "4"));
        if (lv != null && lv.valid()) {
            for (int level = Answer.LOWEST; level <= Answer.HIGHEST; level++) {
                String text = lv.text(Integer.toString(level), true);
                if (text != null) {
                    levels.put(level, text);
                }
            }
        }
        List<String> sources = e.texts("sources", true);
        return title == null || divide == null || dimension == null || levels.size() != 4 ? null
                : new Indicator(e.path(), title, divide, components, dimension, domain, levels, sources);
    }

    private Metric metric(YamlEntry e) {
        String title = e.text("title", true);
        String text = e.text("text", true);
        if (text != null && !text.contains("{value}")) {
            e.problem("text", "must contain {value}, where the figure goes");
        }
        String unit = e.text("unit", true);
        if (unit != null && !UNITS.contains(unit)) {
            e.problem("unit", "'" + unit + "' is not one of " + String.join(", ", new java.util.TreeSet<>(UNITS)));
        }
        String per = e.text("per", false);
        Metric.Direction direction = e.choice("direction", Metric.Direction.class, true);
        Double threshold = e.number("threshold", false);
        Double severe = e.number("severe", false);
        String population = e.text("population", true);
        if (population != null && !POPULATIONS.contains(population)) {
            e.problem("population", "'" + population + "' is not one of " + String.join(", ", new java.util.TreeSet<>(POPULATIONS)));
        }
        boolean key = e.flag("key");
        boolean disaggregate = e.flag("disaggregate");
        boolean proposal = e.flag("proposal");
        Divide divide = e.choice("divide", Divide.class, true);
        List<String> components = components(e);
        Dimension dimension = e.choice("dimension", Dimension.class, true);
        List<String> sources = e.texts("sources", true);
        if (severe != null && threshold == null) {
            e.problem("severe", "needs a threshold too");
        }
        if (direction != null && threshold != null && severe != null) {
            boolean beyond = direction == Metric.Direction.HIGHER_IS_WORSE ? severe > threshold : severe < threshold;
            if (!beyond) {
                e.problem("severe", severe + " must be worse than the threshold " + threshold + " (" + e.node("direction").asText() + ")");
            }
        }
        if ("%".equals(unit)) {
            for (Double value : new Double[] {threshold, severe}) {
                if (value != null && (value < 0 || value > 100)) {
                    e.problem("threshold", "a percentage threshold must be within 0..100, found " + value);
                }
            }
        }
        return title == null || text == null || unit == null || direction == null || population == null || divide == null
                || dimension == null ? null
                : new Metric(e.path(), title, text, unit, per, direction, threshold, severe, population, key, disaggregate,
                        proposal, divide, components, dimension, sources);
    }

    private GroupLabel group(YamlEntry e) {
        String label = e.text("label", true);
        if (label != null && e.path().endsWith(":*") && !label.contains("{name}")) {
            e.problem("label", "a family of groups needs {name} in its label");
        }
        return label == null ? null : new GroupLabel(e.path(), label);
    }

    private Goal goal(YamlEntry e) {
        String title = e.text("title", true);
        String description = e.text("description", true);
        Divide divide = e.choice("divide", Divide.class, true);
        Dimension dimension = e.choice("dimension", Dimension.class, true);
        List<String> sources = e.texts("sources", true);
        return title == null || description == null || divide == null || dimension == null ? null
                : new Goal(e.path(), title, description, divide, dimension, sources);
    }

    private Action action(YamlEntry e) {
        String title = e.text("title", true);
        String description = e.text("description", true);
        String goal = e.text("goal", true);
        Divide divide = e.choice("divide", Divide.class, true);
        List<String> components = components(e);
        Dimension dimension = e.choice("dimension", Dimension.class, true);
        Timeline timeline = null;
        YamlEntry t = e.child("timeline", true, Set.of("startMonth", "months"));
        if (t != null && t.valid()) {
            Integer start = t.integer("startMonth", true);
            Integer months = t.integer("months", true);
            if (start != null && start < 0) {
                t.problem("startMonth", "may not be negative");
            }
            if (months != null && months < 1) {
                t.problem("months", "must be at least 1");
            }
            timeline = start == null || months == null ? null : new Timeline(start, months);
        }
        List<String> team = e.texts("team", true);
        List<String> partners = e.texts("partners", false);
        List<String> indicators = e.texts("indicators", false);
        OutcomeTemplate outcome = null;
        YamlEntry o = e.child("outcome", true, Set.of("metric", "target", "months", "text"));
        if (o != null && o.valid()) {
            String metric = o.text("metric", true);
            String target = o.text("target", true);
            Integer months = o.integer("months", true);
            String text = o.text("text", true);
            if (target != null && !target.equals(OutcomeTemplate.TO_THRESHOLD) && !target.equals(OutcomeTemplate.HALVE)
                    && !isNumber(target)) {
                o.problem("target", "'" + target + "' is not threshold, halve or a number");
            }
            if (months != null && months < 1) {
                o.problem("months", "must be at least 1");
            }
            outcome = metric == null || target == null || months == null || text == null ? null
                    : new OutcomeTemplate(metric, target, months, text);
        }
        List<String> programmes = e.texts("programmes", false);
        List<String> sources = e.texts("sources", true);
        return title == null || description == null || goal == null || divide == null || dimension == null
                || timeline == null || outcome == null ? null
                : new Action(e.path(), title, description, goal, divide, components, dimension, timeline, team, partners,
                        indicators, outcome, programmes, sources);
    }

    private Partner partner(YamlEntry e) {
        String title = e.text("title", true);
        String description = e.text("description", true);
        List<String> goals = e.texts("goals", true);
        List<String> sources = e.texts("sources", true);
        return title == null || description == null ? null : new Partner(e.path(), title, description, goals, sources);
    }

    private NtiaField ntia(YamlEntry e) {
        NtiaField.Kind kind = e.choice("kind", NtiaField.Kind.class, true);
        String title = e.text("title", true);
        List<String> goals = e.texts("goals", false);
        List<String> metrics = e.texts("metrics", false);
        List<String> groups = e.texts("groups", false);
        List<String> except = e.texts("except", false);
        List<String> locales = e.texts("locales", false);
        List<String> sources = e.texts("sources", true);
        for (String locale : locales) {
            if (!LOCALES.contains(locale)) {
                e.problem("locales", "'" + locale + "' is not one of " + String.join(", ", new java.util.TreeSet<>(LOCALES)));
            }
        }
        if (kind == NtiaField.Kind.OBJECTIVE && (!groups.isEmpty() || !locales.isEmpty())) {
            e.problem("groups", "an objective gathers goals and metrics; groups and locales belong to a population");
        }
        if (kind == NtiaField.Kind.POPULATION && (!goals.isEmpty() || !metrics.isEmpty())) {
            e.problem("goals", "a population gathers groups and locales; goals and metrics belong to an objective");
        }
        return kind == null || title == null ? null : new NtiaField(e.path(), kind, title, goals, metrics, groups, except, locales, sources);
    }

    private Programme programme(YamlEntry e) {
        String name = e.text("name", true);
        String status = e.text("status", true);
        if (status != null && !STATUSES.contains(status)) {
            e.problem("status", "'" + status + "' is not one of " + String.join(", ", new java.util.TreeSet<>(STATUSES)));
        }
        var ended = e.date("ended", Programme.ENDED.equals(status));
        if (ended != null && !Programme.ENDED.equals(status)) {
            e.problem("ended", "only an ended programme has an end date; set status: ended or remove it");
        }
        String caveat = e.text("caveat", false);
        String note = e.text("note", false);
        List<String> sources = e.texts("sources", true);
        return name == null || status == null ? null : new Programme(e.path(), name, status, ended, caveat, note, sources);
    }

    private Fit fit() {
        if (files.text(FIT) == null) {
            return Fit.NONE;
        }
        YamlDocument doc = document(FIT);
        if (doc == null) {
            return Fit.NONE;
        }
        YamlEntry root = YamlEntry.of(doc, doc.root(), "", problems, Set.of("sizes", "teams", "lines"));
        if (!root.valid()) {
            return Fit.NONE;
        }
        List<Fit.Band> sizes = new ArrayList<>();
        JsonNode list = root.node("sizes");
        if (list != null && !list.isArray()) {
            root.problem("sizes", "expected a list of bands, each '{ id: ..., below: N }'");
        } else if (list != null) {
            Integer last = 0;
            for (int i = 0; i < list.size(); i++) {
                YamlEntry band = YamlEntry.of(doc, list.get(i), "sizes[" + i + "]", problems, Set.of("id", "below"));
                String id = band.valid() ? band.text("id", true) : null;
                Double below = band.valid() ? band.number("below", false) : null;
                if (below != null && (below <= last || below != Math.rint(below))) {
                    band.problem("below", below + " must be a whole number above the band before (" + last + ")");
                } else if (below == null && i < list.size() - 1) {
                    band.problem("below", "only the last band may leave it out");
                } else if (id != null) {
                    sizes.add(new Fit.Band(id, below == null ? null : below.intValue()));
                    last = below == null ? last : below.intValue();
                }
            }
        }
        Set<String> bands = new java.util.HashSet<>();
        sizes.forEach(b -> bands.add(b.id()));
        Map<String, Map<String, String>> teams = new TreeMap<>();
        JsonNode teamNode = root.node("teams");
        if (teamNode != null && teamNode.isObject()) {
            teamNode.fields().forEachRemaining(band -> {
                if (!bands.contains(band.getKey())) {
                    root.problem("teams", "'" + band.getKey() + "' is not a band of sizes (" + String.join(", ", new java.util.TreeSet<>(bands)) + ")");
                    return;
                }
                Map<String, String> roles = new TreeMap<>();
                if (band.getValue().isObject()) {
                    band.getValue().fields().forEachRemaining(r -> {
                        if (r.getValue().isTextual() && !r.getValue().asText().isBlank()) {
                            roles.put(r.getKey(), r.getValue().asText().strip());
                        } else {
                            problems.add(new Problem(doc.at(r.getValue()) + ": teams." + band.getKey() + "." + r.getKey(), "expected the role's name as text"));
                        }
                    });
                } else {
                    problems.add(new Problem(doc.at(band.getValue()) + ": teams." + band.getKey(), "expected a mapping of catalog role to role"));
                }
                teams.put(band.getKey(), roles);
            });
        } else if (teamNode != null) {
            root.problem("teams", "expected a mapping of band to roles");
        }
        Map<String, Double> lines = new TreeMap<>();
        JsonNode lineNode = root.node("lines");
        if (lineNode != null && lineNode.isObject()) {
            lineNode.fields().forEachRemaining(l -> {
                if (l.getValue().isNumber()) {
                    lines.put(l.getKey(), l.getValue().asDouble());
                } else {
                    problems.add(new Problem(doc.at(l.getValue()) + ": lines." + l.getKey(), "expected a number"));
                }
            });
        } else if (lineNode != null) {
            root.problem("lines", "expected a mapping of name to number");
        }
        return new Fit(sizes, teams, lines);
    }

    private Ranking ranking() {
        YamlDocument doc = document(RANKING);
        if (doc == null) {
            return null;
        }
        YamlEntry root = YamlEntry.of(doc, doc.root(), "", problems, Set.of("weights", "severity", "reach", "disparity", "uncertain", "age", "inferred", "peers"));
        YamlEntry w = root.child("weights", true, Set.of("severity", "reach", "disparity", "rating"));
        YamlEntry s = root.child("severity", true, Set.of("gap", "halfway", "weakness", "dataGap"));
        YamlEntry r = root.child("reach", true, Set.of("shareHalfAt", "headsFullAt", "heads", "defaultGroupShare", "system"));
        YamlEntry d = root.child("disparity", true, Set.of("fullAt"));
        YamlEntry a = root.child("age", true, Set.of("staleAfter", "old"));
        if (w == null || s == null || r == null || d == null || a == null || !w.valid() || !s.valid() || !r.valid() || !d.valid() || !a.valid()) {
            return null;
        }
        Double ws = unit(w, "severity");
        Double wr = unit(w, "reach");
        Double wd = unit(w, "disparity");
        Double wt = unit(w, "rating");
        if (ws != null && wr != null && wd != null && wt != null && Math.abs(ws + wr + wd + wt - 1.0) > 0.001) {
            w.problem("severity", "the four weights add up to " + Math.round((ws + wr + wd + wt) * 1000) / 1000.0
                    + "; make them add up to 1");
        }
        Double gap = unit(s, "gap");
        Double halfway = positive(s, "halfway");
        Double dataGap = unit(s, "dataGap");
        Map<Integer, Double> weakness = new TreeMap<>();
        YamlEntry wk = s.child("weakness", true, Set.of("1", "2"));
        if (wk != null && wk.valid()) {
            for (String level : List.of("1", "2")) {
                Double value = unit(wk, level);
                if (value != null) {
                    weakness.put(Integer.parseInt(level), value);
                }
            }
        }
        Double shareHalf = positive(r, "shareHalfAt");
        Double headsFull = positive(r, "headsFullAt");
        Double heads = unit(r, "heads");
        Double share = unit(r, "defaultGroupShare");
        Double system = unit(r, "system");
        Double disparity = positive(d, "fullAt");
        Double uncertain = unit(root, "uncertain");
        Double staleAfter = positive(a, "staleAfter");
        Double old = unit(a, "old");
        Double inferred = unit(root, "inferred");
        // Optional, so a rule set written before districts were compared with their peers still loads.
        Double peers = root.has("peers") ? unit(root, "peers") : Double.valueOf(0);
        if (ws == null || wr == null || wd == null || wt == null || gap == null || halfway == null || dataGap == null
                || weakness.size() != 2 || shareHalf == null || headsFull == null || heads == null || share == null || system == null
                || disparity == null || uncertain == null || staleAfter == null || old == null || inferred == null || peers == null) {
            return null;
        }
        return new Ranking(ws, wr, wd, wt, gap, halfway, weakness, dataGap, shareHalf, headsFull, heads, share, system, disparity, uncertain,
                staleAfter, old, inferred, peers);
    }

    private static Double unit(YamlEntry e, String field) {
        Double value = e.number(field, true);
        if (value != null && (value < 0 || value > 1)) {
            e.problem(field, value + " must be between 0 and 1");
            return null;
        }
        return value;
    }

    private static Double positive(YamlEntry e, String field) {
        Double value = e.number(field, true);
        if (value != null && value <= 0) {
            e.problem(field, value + " must be above 0");
            return null;
        }
        return value;
    }

    private static List<String> components(YamlEntry e) {
        List<String> components = e.texts("components", false);
        for (String c : components) {
            if (!COMPONENTS.contains(c)) {
                e.problem("components", "'" + c + "' is not one of ADOPTION, AFFORDABILITY, AVAILABILITY");
            }
        }
        if (!components.isEmpty() && e.has("divide") && !"ACCESS".equals(e.node("divide").asText())) {
            e.problem("components", "only ACCESS entries have access components");
        }
        return components;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    // --- cross references ----------------------------------------------------------------------------

    private void crossCheck(Definitions d) {
        check(INDICATORS, d.indicators().values(), Indicator::id, i -> Map.of("sources", i.sources()), d);
        check(METRICS, d.metrics().values(), Metric::id, m -> Map.of("sources", m.sources()), d);
        check(GOALS, d.goals().values(), Goal::id, g -> Map.of("sources", g.sources()), d);
        check(PARTNERS, d.partners().values(), Partner::id, p -> Map.of("sources", p.sources(), "goals", p.goals()), d);
        check(PROGRAMMES, d.programmes().values(), Programme::id, p -> Map.of("sources", p.sources()), d);
        check(ACTIONS, d.actions().values(), Action::id, a -> Map.of(
                "sources", a.sources(),
                "goal", List.of(a.goal()),
                "partners", a.partners(),
                "indicators", a.indicators(),
                "programmes", a.programmes(),
                "outcome", List.of(a.outcome().metric())), d);
        check(NTIA, d.ntia().values(), NtiaField::id, n -> Map.of("sources", n.sources(), "goals", n.goals(), "metrics", n.metrics()), d);
        for (NtiaField field : d.ntia().values()) {
            YamlEntry entry = entries.get(NTIA + "#" + field.id());
            for (String group : field.groups()) {
                if (d.groups().stream().noneMatch(g -> g.matches(group) || g.id().equals(group))) {
                    entry.problem("groups", "'" + group + "' is not a group of framework/groups.yaml");
                }
            }
        }
    }

    private <T> void check(String file, Collection<T> values, Function<T, String> id, Function<T, Map<String, List<String>>> refs, Definitions d) {
        for (T value : values) {
            YamlEntry entry = entries.get(file + "#" + id.apply(value));
            refs.apply(value).forEach((field, ids) -> {
                for (String ref : ids) {
                    String kind = switch (field) {
                        case "sources" -> d.sources().containsKey(ref) || unreadable.contains(SOURCES) ? null : "source (sources.yaml)";
                        case "goal", "goals" -> d.goals().containsKey(ref) || unreadable.contains(GOALS) ? null : "goal (catalog/goals.yaml)";
                        case "partners" -> d.partners().containsKey(ref) || unreadable.contains(PARTNERS) ? null : "partner (catalog/partners.yaml)";
                        case "indicators" -> d.indicators().containsKey(ref) || unreadable.contains(INDICATORS) ? null : "indicator (framework/indicators.yaml)";
                        case "programmes" -> d.programmes().containsKey(ref) || unreadable.contains(PROGRAMMES) ? null : "programme (programmes.yaml)";
                        case "outcome", "metrics" -> d.metrics().containsKey(ref) || unreadable.contains(METRICS) ? null : "metric (framework/metrics.yaml)";
                        default -> null;
                    };
                    if (kind != null) {
                        entry.problem(field.equals("outcome") ? "outcome" : field, "'" + ref + "' is not a defined " + kind);
                    }
                }
            });
        }
    }
}
