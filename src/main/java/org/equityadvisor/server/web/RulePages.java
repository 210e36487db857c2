package org.equityadvisor.server.web;

import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicReference;
import org.equityadvisor.knowledge.KnowledgeBase;
import org.equityadvisor.scenario.RuleBook;
import org.equityadvisor.server.RuleSets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * "How the advisor decides" for every signed-in user: the pages {@code rules doc} writes (one per rule and
 * an index), of the rule set in service, inside the app's layout. The pages are made once per rule set (they
 * run the scenarios to say where each rule fires) and kept until the set in service changes. The advice
 * page's "why" links here by rule name.
 */
@Controller
class RulePages {

    /** The pages of one rule set: file name to the content of its {@code <main>}. */
    private record Book(String hash, RuleBook book, Map<String, String> bodies) {
    }

    private final RuleSets ruleSets;
    private final AtomicReference<Book> book = new AtomicReference<>();

    RulePages(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @GetMapping("/rules")
    String root() {
        return "redirect:/rules/";
    }

    @GetMapping({"/rules/", "/rules/index.html"})
    String index(Model model) {
        return show(RuleBook.INDEX + RuleBook.Format.HTML.extension(), null, model);
    }

    @GetMapping("/rules/{page}.html")
    String page(@PathVariable String page, Model model) {
        KnowledgeBase kb = ruleSets.active().kb();
        String rule = kb.rules().stream().map(r -> r.name()).filter(n -> page.equals(current().book().slug(n))).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return show(page + RuleBook.Format.HTML.extension(), rule, model);
    }

    /** The page of a rule named as advice names it ("Suggest a homework hotspot map ..."). */
    @GetMapping("/rules/by-name")
    String byName(@RequestParam("rule") String rule) {
        String slug = current().book().slug(rule);
        if (slug == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/rules/" + UriUtils.encodePathSegment(slug, java.nio.charset.StandardCharsets.UTF_8) + ".html";
    }

    private String show(String file, String rule, Model model) {
        Book b = current();
        String body = b.bodies().get(file);
        if (body == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("rule", rule);
        model.addAttribute("body", body);
        model.addAttribute("hash", b.hash());
        return "rules";
    }

    private Book current() {
        KnowledgeBase kb = ruleSets.active().kb();
        Book b = book.get();
        if (b == null || !b.hash().equals(kb.hash())) {
            Path scenarios = ruleSets.scenarios().orElse(null);
            RuleBook rb = RuleBook.of(kb, scenarios);
            SortedMap<String, String> pages = rb.pages(RuleBook.Format.HTML);
            Map<String, String> bodies = new java.util.HashMap<>();
            pages.forEach((name, html) -> bodies.put(name, main(html)));
            b = new Book(kb.hash(), rb, Map.copyOf(bodies));
            book.set(b);
        }
        return b;
    }

    /** RuleBook writes standalone pages; the app shows what is inside their {@code <main>} in its own layout. */
    private static String main(String html) {
        int start = html.indexOf("<main>");
        int end = html.lastIndexOf("</main>");
        return start < 0 || end < 0 ? html : html.substring(start + "<main>".length(), end);
    }
}
