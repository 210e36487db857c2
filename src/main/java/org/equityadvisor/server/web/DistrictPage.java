package org.equityadvisor.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equityadvisor.imports.AssessmentWriter;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.District;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.equityadvisor.server.Accounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The district itself: name, state, locale, enrollment, schools, the share of low-income students, learning
 * devices, when the plan starts and the catalog actions it already runs. These fit the advice to the district
 * (size bands and teams, poverty as a hint of the barrier, steps not suggested again, the device check), so a
 * leader sets them here rather than in a file. The form goes through the same reader as a file, and a mistake
 * is shown at its field in the CLI's words; the district's id is its key and does not change here.
 */
@Controller
class DistrictPage {

    /** The district's fields as the form shows them, as typed (a wrong entry is shown back as it was). */
    static final List<String> FIELDS = List.of("name", "state", "locale", "enrollment", "schools", "lowIncomePct", "studentDevices", "planStart");
    static final List<String> LOCALES = List.of("city", "suburb", "town", "rural");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Web web;
    private final AssessmentStore assessments;

    DistrictPage(Web web, AssessmentStore assessments) {
        this.web = web;
        this.assessments = assessments;
    }

    @GetMapping("/districts/{id}/profile")
    String show(@PathVariable String id, Principal principal, Model model) {
        AssessmentStore.Stored stored = web.district(id, web.me(principal));
        District d = web.assessment(stored).district();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", d.name());
        form.put("state", text(d.state()));
        form.put("locale", text(d.locale()));
        form.put("enrollment", d.enrollment() == null ? "" : d.enrollment().toString());
        form.put("schools", d.schools() == null ? "" : d.schools().toString());
        form.put("lowIncomePct", d.lowIncomePct() == null ? "" : AssessmentWriter.number(d.lowIncomePct()));
        form.put("studentDevices", d.studentDevices() == null ? "" : d.studentDevices().toString());
        form.put("planStart", d.planStart() == null ? "" : d.planStart().toString());
        return page(stored, form, d.inPlace(), Map.of(), List.of(), model);
    }

    private String page(AssessmentStore.Stored stored, Map<String, String> form, List<String> inPlace, Map<String, String> errors, List<String> general,
            Model model) {
        model.addAttribute("district", stored);
        model.addAttribute("form", form);
        model.addAttribute("inPlace", inPlace);
        model.addAttribute("errors", errors);
        model.addAttribute("general", general);
        model.addAttribute("locales", LOCALES);
        model.addAttribute("actions", web.kb().actions().values());
        return "district";
    }

    @PostMapping("/districts/{id}/profile")
    String save(@PathVariable String id, @RequestParam MultiValueMap<String, String> posted, Principal principal, Model model,
            RedirectAttributes redirect) {
        Accounts.Account me = web.me(principal);
        AssessmentStore.Stored stored = web.district(id, me);
        Map<String, String> form = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = posted.getFirst(f);
            form.put(f, v == null ? "" : v.strip());
        }
        List<String> inPlace = posted.getOrDefault("inPlace", List.of()).stream().filter(web.kb().actions()::containsKey).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        Assessment changed = null;
        try {
            ObjectNode doc = (ObjectNode) YAML.readTree(stored.yaml());
            ObjectNode district = doc.with("district");
            for (String f : FIELDS) {
                String v = form.get(f);
                district.remove(f);
                if (v.isEmpty()) {
                    continue;
                }
                switch (f) {
                    case "enrollment", "schools", "studentDevices", "lowIncomePct" -> {
                        java.math.BigDecimal number = FormFields.exact(f, v, errors::put);
                        if (number != null) {
                            district.put(f, number);
                        }
                    }
                    default -> district.put(f, v);
                }
            }
            district.remove("inPlace");
            if (!inPlace.isEmpty()) {
                ArrayNode list = district.putArray("inPlace");
                inPlace.forEach(list::add);
            }
            if (errors.isEmpty()) {
                changed = assessments.reader().read("district", YAML.writeValueAsString(doc));
            }
        } catch (InputException e) {
            List<String> general = new ArrayList<>();
            for (Problem p : e.problems()) {
                String place = p.place().replaceFirst("^(district:\\d+: )?district\\.", "").replaceFirst("\\[\\d+\\]$", "");
                if (FIELDS.contains(place) || place.equals("inPlace")) {
                    errors.merge(place, p.message(), (x, y) -> x + "; " + y);
                } else {
                    general.add(p.toString());
                }
            }
            return page(stored, form, inPlace, errors, general, model);
        } catch (IOException e) {
            throw new IllegalStateException("the stored assessment of " + id + " is not YAML", e);
        }
        if (!errors.isEmpty()) {
            return page(stored, form, inPlace, errors, List.of(), model);
        }
        assessments.save(changed, me.getUsername());
        redirect.addFlashAttribute("saved", "saved.district");
        return "redirect:/districts/" + id + "/profile";
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
