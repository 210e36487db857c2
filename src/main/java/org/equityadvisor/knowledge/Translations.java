package org.equityadvisor.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.equityadvisor.model.Action;
import org.equityadvisor.model.Goal;
import org.equityadvisor.model.GroupLabel;
import org.equityadvisor.model.Indicator;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Metric;
import org.equityadvisor.model.OutcomeTemplate;
import org.equityadvisor.model.Partner;
import org.equityadvisor.model.Problem;
import org.equityadvisor.model.Programme;

/**
 * The rule set's own words in other languages: {@code i18n/<language>.yaml}, written by coaches and keyed by the
 * ids of the rule set (metrics, groups, indicators, goals, actions, partners, programmes) and by rule name.
 * A key that names nothing in the rule set is a problem at its line (a typo would otherwise hide a translation);
 * an entry without its translation is only a warning, and the English text is used for it.
 */
public final class Translations {

    /** The language the rule set is written in; it needs no file. */
    public static final String ENGLISH = "en";
    static final String FOLDER = "i18n/";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z]+}");

    /** Per language, its texts by flat key ("action.AS-09.title", "indicator.SA-ACC-01.level.2", "rule.<name>"). */
    private final SortedMap<String, Map<String, String>> texts;
    private final List<Problem> warnings;

    private Translations(SortedMap<String, Map<String, String>> texts, List<Problem> warnings) {
        this.texts = texts;
        this.warnings = List.copyOf(warnings);
    }

    static final Translations NONE = new Translations(new TreeMap<>(), List.of());

    /** The languages advice can be given in: English first, then each translation in the rule set. */
    public List<String> languages() {
        List<String> out = new ArrayList<>();
        out.add(ENGLISH);
        out.addAll(texts.keySet());
        return List.copyOf(out);
    }

    /** What a translation lacks, per entry (the English is used there): for {@code rules check} to list. */
    public List<Problem> warnings() {
        return warnings;
    }

    /** The translation of one text, or the English given when the language or the key has none. */
    public String text(String language, String key, String english) {
        Map<String, String> words = texts.get(language);
        String text = words == null ? null : words.get(key);
        return text == null ? english : text;
    }

    boolean has(String language) {
        return ENGLISH.equals(language) || texts.containsKey(language);
    }

    // --- reading ----------------------------------------------------------------------------------------

    static Translations read(RuleFiles files, Definitions d, List<RuleInfo> rules, List<Problem> problems) {
        SortedMap<String, Map<String, String>> texts = new TreeMap<>();
        List<Problem> warnings = new ArrayList<>();
        for (String path : files.paths(".yaml")) {
            if (!path.startsWith(FOLDER)) {
                continue;
            }
            String language = path.substring(FOLDER.length(), path.length() - ".yaml".length());
            if (!LANGUAGE.matcher(language).matches() || ENGLISH.equals(language)) {
                problems.add(new Problem(path, "a translation is named by its two-letter language code, other than en (i18n/es.yaml)"));
                continue;
            }
            YamlDocument doc;
            try {
                doc = YamlDocument.parse(path, files.text(path));
            } catch (InputException e) {
                problems.addAll(e.problems());
                continue;
            }
            Reader reader = new Reader(doc, d, rules, problems);
            reader.read();
            texts.put(language, Collections.unmodifiableMap(reader.out));
            reader.missing(warnings);
        }
        return new Translations(texts, warnings);
    }

    /** Reads one language's file against the rule set, with the line of every stray key. */
    private static final class Reader {
        private final YamlDocument doc;
        private final Definitions d;
        private final Map<String, RuleInfo> rules = new LinkedHashMap<>();
        private final List<Problem> problems;
        private final Map<String, String> out = new LinkedHashMap<>();

        Reader(YamlDocument doc, Definitions d, List<RuleInfo> rules, List<Problem> problems) {
            this.doc = doc;
            this.d = d;
            rules.forEach(r -> this.rules.put(r.name(), r));
            this.problems = problems;
        }

        void read() {
            JsonNode root = doc.root();
            if (!root.isObject()) {
                problems.add(new Problem(doc.at(root), "expected sections (metrics, groups, indicators, goals, actions, partners, programmes, rules)"));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> section = it.next();
                switch (section.getKey()) {
                    case "metrics" -> entries(section.getValue(), "metric", d.metrics(), DefinitionsReader.METRICS, List.of("title", "text", "per"));
                    case "groups" -> groups(section.getValue());
                    case "indicators" -> indicators(section.getValue());
                    case "goals" -> entries(section.getValue(), "goal", d.goals(), DefinitionsReader.GOALS, List.of("title", "description"));
                    case "actions" -> entries(section.getValue(), "action", d.actions(), DefinitionsReader.ACTIONS, List.of("title", "description", "outcome"));
                    case "partners" -> entries(section.getValue(), "partner", d.partners(), DefinitionsReader.PARTNERS, List.of("title", "description"));
                    case "programmes" -> entries(section.getValue(), "programme", d.programmes(), DefinitionsReader.PROGRAMMES, List.of("name", "caveat"));
                    case "rules" -> ruleSentences(section.getValue());
                    case "roles" -> roles(section.getValue());
                    default -> problems.add(new Problem(doc.at(section.getValue()), "unknown section '" + section.getKey()
                            + "' (expected metrics, groups, indicators, goals, actions, partners, programmes, roles, rules)"));
                }
            }
        }

        private boolean mapping(JsonNode node, String what) {
            if (node == null || !node.isObject()) {
                problems.add(new Problem(doc.at(node), what + ": expected a mapping"));
                return false;
            }
            return true;
        }

        private void entries(JsonNode section, String kind, Map<String, ?> defined, String file, List<String> fields) {
            if (!mapping(section, kind + "s")) {
                return;
            }
            section.fields().forEachRemaining(entry -> {
                String id = entry.getKey();
                if (!defined.containsKey(id)) {
                    problems.add(new Problem(doc.at(entry.getValue()), "names " + kind + " " + id + ", which " + file + " does not define"));
                    return;
                }
                if (!mapping(entry.getValue(), kind + " " + id)) {
                    return;
                }
                entry.getValue().fields().forEachRemaining(field -> {
                    if (!fields.contains(field.getKey())) {
                        problems.add(new Problem(doc.at(field.getValue()), kind + " " + id + ": unknown field '" + field.getKey()
                                + "' (expected one of " + String.join(", ", fields) + ")"));
                    } else {
                        put(kind + "." + id + "." + field.getKey(), field.getValue(), english(kind, id, field.getKey()));
                    }
                });
            });
        }

        private void groups(JsonNode section) {
            if (!mapping(section, "groups")) {
                return;
            }
            section.fields().forEachRemaining(entry -> {
                GroupLabel group = d.groups().stream().filter(g -> g.id().equals(entry.getKey())).findFirst().orElse(null);
                if (group == null) {
                    problems.add(new Problem(doc.at(entry.getValue()), "names group " + entry.getKey() + ", which " + DefinitionsReader.GROUPS
                            + " does not define"));
                } else {
                    put("group." + group.id(), entry.getValue(), group.label());
                }
            });
        }

        private void indicators(JsonNode section) {
            if (!mapping(section, "indicators")) {
                return;
            }
            section.fields().forEachRemaining(entry -> {
                Indicator indicator = d.indicators().get(entry.getKey());
                if (indicator == null) {
                    problems.add(new Problem(doc.at(entry.getValue()), "names indicator " + entry.getKey() + ", which "
                            + DefinitionsReader.INDICATORS + " does not define"));
                    return;
                }
                if (!mapping(entry.getValue(), "indicator " + indicator.id())) {
                    return;
                }
                entry.getValue().fields().forEachRemaining(field -> {
                    if (field.getKey().equals("title")) {
                        put("indicator." + indicator.id() + ".title", field.getValue(), indicator.title());
                    } else if (field.getKey().equals("levels") && mapping(field.getValue(), "indicator " + indicator.id() + " levels")) {
                        field.getValue().fields().forEachRemaining(level -> {
                            if (!level.getKey().matches("[1-4]")) {
                                problems.add(new Problem(doc.at(level.getValue()), "indicator " + indicator.id() + ": level '" + level.getKey()
                                        + "' is not 1, 2, 3 or 4"));
                            } else {
                                put("indicator." + indicator.id() + ".level." + level.getKey(), level.getValue(),
                                        indicator.describe(Integer.parseInt(level.getKey())));
                            }
                        });
                    } else if (!field.getKey().equals("levels")) {
                        problems.add(new Problem(doc.at(field.getValue()), "indicator " + indicator.id() + ": unknown field '" + field.getKey()
                                + "' (expected title, levels)"));
                    }
                });
            });
        }

        /** The team roles as the catalog and fit.yaml write them (the English is the key: roles have no ids). */
        private void roles(JsonNode section) {
            if (!mapping(section, "roles")) {
                return;
            }
            java.util.Set<String> known = rolesOf(d);
            section.fields().forEachRemaining(entry -> {
                if (!known.contains(entry.getKey())) {
                    problems.add(new Problem(doc.at(entry.getValue()), "names role '" + entry.getKey() + "', which no action's team in "
                            + DefinitionsReader.ACTIONS + " nor " + DefinitionsReader.FIT + " names"));
                } else {
                    put("role." + entry.getKey(), entry.getValue(), entry.getKey());
                }
            });
        }

        private void ruleSentences(JsonNode section) {
            if (!mapping(section, "rules")) {
                return;
            }
            section.fields().forEachRemaining(entry -> {
                RuleInfo rule = rules.get(entry.getKey());
                if (rule == null) {
                    problems.add(new Problem(doc.at(entry.getValue()), "names rule \"" + entry.getKey() + "\", which no .drl file or triggers.csv row defines"));
                } else {
                    put("rule." + rule.name(), entry.getValue(), rule.intent());
                }
            });
        }

        /** One text; its placeholders ({value}, {who}, {name}) must be the English text's, or the sentence breaks. */
        private void put(String key, JsonNode node, String english) {
            if (node == null || !node.isValueNode() || node.isNull() || node.asText().isBlank()) {
                problems.add(new Problem(doc.at(node), key + ": expected a text"));
                return;
            }
            String text = node.asText().strip().replaceAll("\\s+", " ");
            if (english != null && !placeholders(english).equals(placeholders(text))) {
                problems.add(new Problem(doc.at(node), key + ": has placeholders " + placeholders(text) + " where the English has "
                        + placeholders(english)));
                return;
            }
            if (english == null) {
                problems.add(new Problem(doc.at(node), key + ": the English entry has no such text to translate"));
                return;
            }
            out.put(key, text);
        }

        private static List<String> placeholders(String text) {
            return PLACEHOLDER.matcher(text).results().map(m -> m.group()).sorted().toList();
        }

        private String english(String kind, String id, String field) {
            return switch (kind) {
                case "metric" -> {
                    Metric m = d.metrics().get(id);
                    yield switch (field) {
                        case "title" -> m.title();
                        case "text" -> m.text();
                        default -> m.per().isEmpty() ? null : m.per();
                    };
                }
                case "goal" -> field.equals("title") ? d.goals().get(id).title() : d.goals().get(id).description();
                case "action" -> {
                    Action a = d.actions().get(id);
                    yield switch (field) {
                        case "title" -> a.title();
                        case "description" -> a.description();
                        default -> a.outcome() == null ? null : a.outcome().text();
                    };
                }
                case "partner" -> field.equals("title") ? d.partners().get(id).title() : d.partners().get(id).description();
                default -> field.equals("name") ? d.programmes().get(id).name() : d.programmes().get(id).caveat();
            };
        }

        /** Every English text of the rule set this file does not translate, one warning per entry. */
        void missing(List<Problem> warnings) {
            Map<String, List<String>> lacking = new TreeMap<>();
            d.metrics().values().forEach(m -> need(lacking, "metric " + m.id(), "metric." + m.id(), "title", "text",
                    m.per().isEmpty() ? null : "per"));
            d.groups().forEach(g -> need(lacking, "group " + g.id(), "group", g.id()));
            d.indicators().values().forEach(i -> need(lacking, "indicator " + i.id(), "indicator." + i.id(), "title", "level.1", "level.2",
                    "level.3", "level.4"));
            d.goals().values().forEach(g -> need(lacking, "goal " + g.id(), "goal." + g.id(), "title", "description"));
            d.actions().values().forEach(a -> need(lacking, "action " + a.id(), "action." + a.id(), "title", "description",
                    a.outcome() == null || a.outcome().text() == null ? null : "outcome"));
            d.partners().values().forEach(p -> need(lacking, "partner " + p.id(), "partner." + p.id(), "title", "description"));
            d.programmes().values().forEach(p -> need(lacking, "programme " + p.id(), "programme." + p.id(), p.caveat() == null ? null : "caveat"));
            rules.values().stream().filter(r -> !r.intent().isEmpty()).forEach(r -> need(lacking, "rule \"" + r.name() + "\"", "rule", r.name()));
            rolesOf(d).forEach(role -> need(lacking, "role '" + role + "'", "role", role));
            lacking.forEach((what, fields) -> warnings.add(new Problem(doc.name(), what + " has no translation for " + String.join(", ", fields)
                    + "; the English is shown")));
        }

        private void need(Map<String, List<String>> lacking, String what, String prefix, String... fields) {
            for (String field : fields) {
                if (field != null && !out.containsKey(prefix + "." + field)) {
                    lacking.computeIfAbsent(what, k -> new ArrayList<>()).add(field.startsWith("level.") ? "level " + field.substring(6)
                            : prefix.equals("group") || prefix.equals("rule") || prefix.equals("role") ? "its text" : field);
                }
            }
        }
    }

    /** Every team role the rule set names: in the actions' teams and, per size band, in fit.yaml (both sides). */
    static java.util.SortedSet<String> rolesOf(Definitions d) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        d.actions().values().forEach(a -> out.addAll(a.team()));
        if (d.fit() != null) {
            d.fit().teams().values().forEach(m -> {
                out.addAll(m.keySet());
                out.addAll(m.values());
            });
        }
        return out;
    }

    // --- localizing -------------------------------------------------------------------------------------

    /** The definitions with every text this language translates put in place of the English; ids and figures unchanged. */
    Definitions localize(String language, Definitions d) {
        SortedMap<String, Metric> metrics = new TreeMap<>();
        d.metrics().forEach((id, m) -> metrics.put(id, new Metric(id, text(language, "metric." + id + ".title", m.title()),
                text(language, "metric." + id + ".text", m.text()), m.unit(), m.per().isEmpty() ? m.per() : text(language, "metric." + id + ".per", m.per()),
                m.direction(), m.threshold(), m.severe(), m.population(), m.key(), m.disaggregate(), m.proposal(), m.divide(), m.components(),
                m.dimension(), m.sources())));
        List<GroupLabel> groups = d.groups().stream().map(g -> new GroupLabel(g.id(), text(language, "group." + g.id(), g.label()))).toList();
        SortedMap<String, Indicator> indicators = new TreeMap<>();
        d.indicators().forEach((id, i) -> {
            Map<Integer, String> levels = new TreeMap<>();
            i.levels().forEach((level, t) -> levels.put(level, text(language, "indicator." + id + ".level." + level, t)));
            indicators.put(id, new Indicator(id, text(language, "indicator." + id + ".title", i.title()), i.divide(), i.components(), i.dimension(),
                    i.domain(), levels, i.sources()));
        });
        SortedMap<String, Goal> goals = new TreeMap<>();
        d.goals().forEach((id, g) -> goals.put(id, new Goal(id, text(language, "goal." + id + ".title", g.title()),
                text(language, "goal." + id + ".description", g.description()), g.divide(), g.dimension(), g.sources())));
        SortedMap<String, Action> actions = new TreeMap<>();
        d.actions().forEach((id, a) -> {
            OutcomeTemplate o = a.outcome();
            OutcomeTemplate outcome = o == null ? null : new OutcomeTemplate(o.metric(), o.target(), o.months(),
                    o.text() == null ? null : text(language, "action." + id + ".outcome", o.text()));
            actions.put(id, new Action(id, text(language, "action." + id + ".title", a.title()), text(language, "action." + id + ".description",
                    a.description()), a.goal(), a.divide(), a.components(), a.dimension(), a.timeline(), roles(language, a.team()), a.partners(), a.indicators(),
                    outcome, a.programmes(), a.sources()));
        });
        SortedMap<String, Partner> partners = new TreeMap<>();
        d.partners().forEach((id, p) -> partners.put(id, new Partner(id, text(language, "partner." + id + ".title", p.title()),
                text(language, "partner." + id + ".description", p.description()), p.goals(), p.sources())));
        SortedMap<String, Programme> programmes = new TreeMap<>();
        d.programmes().forEach((id, p) -> programmes.put(id, new Programme(id, text(language, "programme." + id + ".name", p.name()), p.status(),
                p.ended(), p.caveat() == null ? null : text(language, "programme." + id + ".caveat", p.caveat()), p.note(), p.sources())));
        Fit fit = d.fit();
        if (fit != null) {
            Map<String, Map<String, String>> teams = new TreeMap<>();
            fit.teams().forEach((band, m) -> {
                Map<String, String> named = new LinkedHashMap<>();
                m.forEach((role, as) -> named.put(text(language, "role." + role, role), text(language, "role." + as, as)));
                teams.put(band, named);
            });
            fit = new Fit(fit.sizes(), teams, fit.lines());
        }
        return new Definitions(d.sources(), indicators, metrics, groups, goals, actions, partners, programmes, d.ranking(), d.ntia(), fit);
    }

    private List<String> roles(String language, List<String> team) {
        return team.stream().map(role -> text(language, "role." + role, role)).toList();
    }

    /** The rules with their sentence (the comment or the row's "why") in this language where it has one. */
    List<RuleInfo> localize(String language, List<RuleInfo> rules) {
        return rules.stream().map(r -> new RuleInfo(r.name(), r.file(), r.line(), r.stage(), r.divides(), r.sources(), r.validUntil(), r.suggests(),
                text(language, "rule." + r.name(), r.intent()), r.when())).toList();
    }
}
