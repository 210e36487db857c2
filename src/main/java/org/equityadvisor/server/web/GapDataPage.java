package org.equityadvisor.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.equityadvisor.imports.AssessmentMerge;
import org.equityadvisor.imports.AssessmentWriter;
import org.equityadvisor.imports.EdFiImport;
import org.equityadvisor.imports.ImportReport;
import org.equityadvisor.imports.PublicFigures;
import org.equityadvisor.imports.SurveyImport;
import org.equityadvisor.model.Assessment;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Problem;
import org.equityadvisor.server.Accounts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Gap data: the district's figures per metric and group, with unit, n, margin of error, year and source;
 * mistakes shown next to the field in the words the CLI uses (the page sends the figures through the same
 * reader); the stored assessment downloaded as the contract's YAML; and the imports of the CLI: a survey CSV,
 * an Ed-Fi file, or the public figures for the district's id.
 */
@Controller
class GapDataPage {

    /** Blank rows under the figures, for new ones. */
    static final int BLANK_ROWS = 4;
    private static final Pattern MEASURE_FIELD = Pattern.compile("measures\\[(\\d+)\\]\\.(\\w+)");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One row of the form, as typed: text, so that a wrong entry can be shown back as it was. */
    public record Row(String metric, String group, String value, String n, String moe, String year, String source, String kind) {
        static Row of(Measure m) {
            return new Row(m.metric(), m.wholeDistrict() ? "" : m.group(), AssessmentWriter.number(m.value()), m.n() == null ? "" : m.n().toString(),
                    m.moe() == null ? "" : AssessmentWriter.number(m.moe()), m.year() == null ? "" : m.year().toString(), m.source() == null ? "" : m.source(),
                    m.kind() == null ? "" : m.kind().word());
        }

        static Row blank() {
            return new Row("", "", "", "", "", "", "", "");
        }

        boolean empty() {
            return metric.isBlank() && value.isBlank();
        }
    }

    private final Web web;
    private final AssessmentStore assessments;

    GapDataPage(Web web, AssessmentStore assessments) {
        this.web = web;
        this.assessments = assessments;
    }

    @GetMapping("/districts/{id}/data")
    String show(@PathVariable String id, Principal principal, Model model) {
        AssessmentStore.Stored stored = web.district(id, web.me(principal));
        Assessment a = web.assessment(stored);
        List<Row> rows = new ArrayList<>(a.measures().stream().map(Row::of).toList());
        return page(stored, rows, Map.of(), List.of(), model);
    }

    private String page(AssessmentStore.Stored stored, List<Row> rows, Map<String, String> errors, List<String> general, Model model) {
        List<Row> shown = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            shown.add(Row.blank());
        }
        model.addAttribute("district", stored);
        model.addAttribute("rows", shown);
        model.addAttribute("errors", errors);
        model.addAttribute("general", general);
        model.addAttribute("metrics", web.kb().metrics().values());
        model.addAttribute("groups", web.kb().groups());
        return "data";
    }

    /** Rows {@code rows[i].metric}, {@code .group}, {@code .value}, {@code .n}, {@code .moe}, {@code .year}, {@code .source}, {@code .kind}; blank rows are skipped. */
    @PostMapping("/districts/{id}/data")
    String save(@PathVariable String id, @RequestParam Map<String, String> form, Principal principal, Model model, RedirectAttributes redirect) {
        Accounts.Account me = web.me(principal);
        AssessmentStore.Stored stored = web.district(id, me);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; form.containsKey("rows[" + i + "].metric"); i++) {
            String p = "rows[" + i + "].";
            Row row = new Row(f(form, p + "metric"), f(form, p + "group"), f(form, p + "value"), f(form, p + "n"), f(form, p + "moe"), f(form, p + "year"),
                    f(form, p + "source"), f(form, p + "kind"));
            if (!row.empty()) {
                rows.add(row);
            }
        }
        Assessment changed;
        try {
            ObjectNode doc = (ObjectNode) YAML.readTree(stored.yaml());
            ArrayNode measures = doc.putArray("measures");
            for (Row r : rows) {
                ObjectNode m = measures.addObject();
                m.put("metric", r.metric());
                if (!r.group().isBlank()) {
                    m.put("group", r.group());
                }
                number(m, "value", r.value());
                number(m, "n", r.n());
                number(m, "moe", r.moe());
                number(m, "year", r.year());
                if (!r.source().isBlank()) {
                    m.put("source", r.source());
                }
                if (!r.kind().isBlank()) {
                    m.put("kind", r.kind());
                }
            }
            changed = assessments.reader().read("gap data", YAML.writeValueAsString(doc));
        } catch (InputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            List<String> general = new ArrayList<>();
            for (Problem p : e.problems()) {
                Matcher m = MEASURE_FIELD.matcher(p.place());
                if (m.find()) {
                    errors.merge("rows[" + m.group(1) + "]." + m.group(2), p.message(), (x, y) -> x + "; " + y);
                } else {
                    general.add(p.toString());
                }
            }
            return page(stored, rows, errors, general, model);
        } catch (IOException e) {
            throw new IllegalStateException("the stored assessment of " + id + " is not YAML", e);
        }
        assessments.save(changed, me.getUsername());
        redirect.addFlashAttribute("saved", "saved.data");
        return "redirect:/districts/" + id + "/data";
    }

    /** The district's assessment as the contract's YAML: what {@code equity-advisor advise FILE} reads. */
    @GetMapping("/districts/{id}/assessment.yaml")
    ResponseEntity<String> download(@PathVariable String id, Principal principal) {
        AssessmentStore.Stored stored = web.district(id, web.me(principal));
        return ResponseEntity.ok().contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("assessment-" + id + ".yaml").build().toString())
                .body(stored.yaml());
    }

    /** A family survey CSV in the standard layout, or an Ed-Fi StudentEducationOrganizationAssociation export. */
    @PostMapping("/districts/{id}/data/import")
    String importFile(@PathVariable String id, @RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "survey") String kind,
            Principal principal, RedirectAttributes redirect) throws IOException {
        Accounts.Account me = web.me(principal);
        AssessmentStore.Stored stored = web.district(id, me);
        Assessment a = web.assessment(stored);
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload" : file.getOriginalFilename();
        Integer enrollment = a.district().enrollment();
        ImportReport report = kind.equals("edfi") ? EdFiImport.standard().read(name, file.getInputStream(), enrollment)
                : SurveyImport.standard().read(name, new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8), enrollment);
        List<String> notes = new ArrayList<>();
        notes.add(report.summary());
        report.problems().forEach(p -> notes.add(p.toString()));
        report.withheld().forEach(notes::add);
        if (!report.measures().isEmpty()) {
            Assessment incoming = new Assessment(a.district(), List.of(), report.measures(), Map.of());
            AssessmentMerge.Merged merged = AssessmentMerge.merge(a, incoming, name);
            notes.addAll(merged.notices());
            assessments.save(merged.assessment(), me.getUsername());
        }
        redirect.addFlashAttribute("saved", "saved.imported");
        redirect.addFlashAttribute("notes", notes);
        return "redirect:/districts/" + id + "/data";
    }

    /** The public Census figures of the district's id (ACS 2014-2018), merged under the district's own. */
    @PostMapping("/districts/{id}/data/public")
    String publicFigures(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        Accounts.Account me = web.me(principal);
        AssessmentStore.Stored stored = web.district(id, me);
        Assessment a = web.assessment(stored);
        PublicFigures figures = PublicFigures.bundled();
        var district = figures.district(id);
        if (district.isEmpty()) {
            throw new InputException("public figures", new Problem("district.id", id + " is not among the " + figures.districts().size()
                    + " districts of " + PublicFigures.SOURCE));
        }
        AssessmentMerge.Merged merged = AssessmentMerge.merge(a, figures.starter(district.get()), PublicFigures.SOURCE);
        assessments.save(merged.assessment(), me.getUsername());
        List<String> notes = new ArrayList<>(PublicFigures.describe(district.get()));
        notes.addAll(merged.notices());
        notes.add(PublicFigures.ATTRIBUTION);
        redirect.addFlashAttribute("saved", "saved.imported");
        redirect.addFlashAttribute("notes", notes);
        return "redirect:/districts/" + id + "/data";
    }

    private static void number(ObjectNode m, String field, String text) {
        if (text.isBlank()) {
            return;
        }
        try {
            if (field.equals("n") || field.equals("year")) {
                m.put(field, Long.parseLong(text.strip()));
            } else {
                m.put(field, Double.parseDouble(text.strip()));
            }
        } catch (NumberFormatException e) {
            // Left as text: the reader names the field and says what it expected, as for a file.
            m.put(field, text);
        }
    }

    private static String f(Map<String, String> form, String key) {
        return form.getOrDefault(key, "").strip();
    }
}
