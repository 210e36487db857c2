package org.equityadvisor.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;

/**
 * The Ed-Fi {@code studentEducationOrganizationAssociations} resource, as the ODS/API returns it (a JSON
 * array), turned into the district's gap figures exactly as a survey CSV is: the same answers, the same
 * counting, the same suppression. Reads both the Data Standard 3.3-b+ properties of the association
 * ({@code internetAccessInResidence}, {@code barrierToInternetAccessInResidenceDescriptor}, …, as in Data
 * Standards 4 and 5) and the older {@code studentIndicators} of group {@code DigitalEquity}. Streamed: one
 * record at a time, so memory stays flat however many students.
 *
 * <pre>{@code
 * ImportReport report = EdFiImport.standard().read(Path.of("seoa.json"), 4200);
 * ImportReport pulled = EdFiImport.standard().pull(EdFiApi.of(URI.create("https://ods.example.org/api"), id, secret), 4200);
 * }</pre>
 */
public final class EdFiImport {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    /** The association's properties (Data Standard 3.3-b and later) and the question each answers. */
    private static final List<Map.Entry<String, Question>> PROPERTIES = List.of(
            Map.entry("internetAccessInResidence", Question.ACCESS),
            Map.entry("barrierToInternetAccessInResidenceDescriptor", Question.BARRIER),
            Map.entry("internetAccessTypeInResidenceDescriptor", Question.TYPE),
            Map.entry("internetPerformanceInResidenceDescriptor", Question.PERFORMANCE),
            Map.entry("primaryLearningDeviceAwayFromSchoolDescriptor", Question.DEVICE),
            Map.entry("primaryLearningDeviceProviderDescriptor", Question.PROVIDER),
            Map.entry("primaryLearningDeviceAccessDescriptor", Question.SHARING));
    private static final String INDICATOR_GROUP = "digitalequity";
    /** Student characteristic descriptors (Ed-Fi defaults) that place a student in a group. */
    private static final Map<String, Question> CHARACTERISTICS = Map.of(
            "economicdisadvantaged", Question.LOW_INCOME, "homeless", Question.HOMELESS, "migrant", Question.MIGRANT);
    private static final Set<String> ENGLISH_LEARNER = Set.of("limited");
    /** More education organisations than this in one file are counted, not listed. */
    private static final int ORGANIZATIONS_LISTED = 10;

    private final SurveyImport labels;
    private final String organization;

    private EdFiImport(SurveyImport labels, String organization) {
        this.labels = labels;
        this.organization = organization;
    }

    /** Standard Ed-Fi descriptors only. */
    public static EdFiImport standard() {
        return new EdFiImport(SurveyImport.standard(), null);
    }

    /** With a mapping file's answers (e.g. a state's own descriptor codes), source and year; its columns are not used. */
    public static EdFiImport withMapping(Path file) {
        return new EdFiImport(SurveyImport.withMapping(file), null);
    }

    public static EdFiImport withMapping(String name, String text) {
        return new EdFiImport(SurveyImport.withMapping(name, text), null);
    }

    /** The same import with the figures labelled with this source and year (null keeps the mapping's). */
    public EdFiImport labelled(String source, Integer year) {
        return new EdFiImport(labels.labelled(source, year), organization);
    }

    /**
     * Counts only the associations with this education organization (the district's LEA id), for a file or an
     * API that holds several; null counts every record.
     */
    public EdFiImport forOrganization(String educationOrganizationId) {
        return new EdFiImport(labels, educationOrganizationId);
    }

    String organization() {
        return organization;
    }

    /**
     * Reads a file holding the resource's JSON array.
     *
     * @param enrollment the district's enrolment, for coverage (GM-08); null to leave coverage out
     */
    public ImportReport read(Path file, Integer enrollment) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in, enrollment);
        } catch (NoSuchFileException e) {
            throw new InputException(name, new Problem(name, "no such file"));
        } catch (IOException e) {
            throw new InputException(name, new Problem(name, "cannot be read: " + e.getMessage()));
        }
    }

    public ImportReport read(String name, InputStream in, Integer enrollment) {
        Reading reading = start();
        reading.page(name, in, 0);
        return reading.report(name, enrollment);
    }

    /** Pulls every page of the resource from an Ed-Fi API (OAuth2 client credentials) and counts it as it arrives. */
    public ImportReport pull(EdFiApi api, Integer enrollment) {
        Reading reading = start();
        api.pages(this, reading);
        return reading.report(api.resource().toString(), enrollment);
    }

    Reading start() {
        return new Reading(new Aggregation(labels.mapping()));
    }

    /** One import in progress: pages of records fed in turn into one aggregation. */
    final class Reading {
        private final Aggregation aggregation;
        private final Set<String> organizations = new TreeSet<>();
        private long otherOrganizations;

        Reading(Aggregation aggregation) {
            this.aggregation = aggregation;
        }

        /**
         * Reads one JSON array of records; {@code first} is the index of its first record in the whole resource.
         *
         * @return how many records the array held
         */
        int page(String name, InputStream in, long first) {
            int count = 0;
            try (JsonParser parser = FACTORY.createParser(in)) {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new InputException(name, new Problem(name + ":" + parser.currentTokenLocation().getLineNr(),
                            "expected the JSON array of studentEducationOrganizationAssociations that the Ed-Fi API returns"));
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() == null) {
                        throw new InputException(name, new Problem(name + ":" + parser.currentLocation().getLineNr(), "the JSON array is not closed"));
                    }
                    long line = parser.currentTokenLocation().getLineNr();
                    String at = name + ":" + line + ": [" + (first + count) + "]";
                    JsonNode record = JSON.readTree(parser);
                    count++;
                    if (!record.isObject()) {
                        aggregation.broken(at, "(record)", "expected an association object, found " + record.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
                        continue;
                    }
                    if (counted(record)) {
                        record(record, at);
                    }
                }
            } catch (JsonProcessingException e) {
                long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                throw new InputException(name, new Problem(name + ":" + line, "is not readable JSON: " + SurveyImport.firstLine(e.getOriginalMessage())));
            } catch (IOException e) {
                throw new InputException(name, new Problem(name, "cannot be read: " + e.getMessage()));
            }
            return count;
        }

        private boolean counted(JsonNode record) {
            String org = record.path("educationOrganizationReference").path("educationOrganizationId").asText("");
            if (organization != null) {
                return organization.equals(org);
            }
            if (!org.isEmpty() && !organizations.contains(org)) {
                if (organizations.size() < ORGANIZATIONS_LISTED) {
                    organizations.add(org);
                } else {
                    otherOrganizations++;
                }
            }
            return true;
        }

        private void record(JsonNode record, String at) {
            Response response = new Response();
            boolean bad = false;
            for (Map.Entry<String, Question> p : PROPERTIES) {
                JsonNode value = record.get(p.getKey());
                if (value != null && !value.isNull()) {
                    String raw = value.isBoolean() ? (value.booleanValue() ? "Yes" : "No") : value.asText();
                    bad |= !aggregation.cell(response, p.getValue(), raw, at, "." + p.getKey(), p.getKey());
                }
            }
            JsonNode indicators = record.path("studentIndicators");
            for (int i = 0; i < indicators.size(); i++) {
                JsonNode indicator = indicators.get(i);
                if (!Question.key(indicator.path("indicatorGroup").asText("")).equals(INDICATOR_GROUP)) {
                    continue;
                }
                String indicatorName = indicator.path("indicatorName").asText("").replaceFirst("(?i)descriptor$", "");
                Question q = Question.named(indicatorName);
                if (q == null || q.kind() != Question.Kind.ANSWER) {
                    continue;
                }
                if (response.get(q) == Question.BLANK) {
                    bad |= !aggregation.cell(response, q, indicator.path("indicator").asText(""), at, ".studentIndicators[" + i + "]",
                            "studentIndicators " + q.header());
                }
            }
            groups(record, response);
            aggregation.row(response, bad);
        }

        /** Group membership from the association's own fields; absent means not in the group. */
        private void groups(JsonNode record, Response response) {
            for (Question q : CHARACTERISTICS.values()) {
                response.set(q, Question.Flag.NO);
            }
            for (JsonNode c : record.path("studentCharacteristics")) {
                Question q = CHARACTERISTICS.get(Question.key(Question.descriptorCode(c.path("studentCharacteristicDescriptor").asText(""))));
                if (q != null) {
                    response.set(q, Question.Flag.YES);
                }
            }
            String english = Question.key(Question.descriptorCode(record.path("limitedEnglishProficiencyDescriptor").asText("")));
            response.set(Question.ENGLISH_LEARNER, ENGLISH_LEARNER.contains(english) ? Question.Flag.YES : Question.Flag.NO);
            response.set(Question.DISABILITY, record.path("disabilities").size() > 0 ? Question.Flag.YES : Question.Flag.NO);
            String race = race(record);
            if (race != null) {
                response.setValue(Question.RACE, race);
            }
        }

        ImportReport report(String name, Integer enrollment) {
            List<String> notes = new ArrayList<>();
            if (organization != null) {
                notes.add("counted the associations of education organization " + organization + " only");
            } else if (organizations.size() > 1) {
                String how = otherOrganizations > 0 ? "more than " + ORGANIZATIONS_LISTED : Integer.toString(organizations.size());
                notes.add("the records belong to " + how + " education organizations (" + String.join(", ", organizations) + (otherOrganizations > 0 ? ", …" : "")
                        + "); all were counted, so a student associated with two is counted twice: name the district's with --education-organization");
            }
            return aggregation.report(name, enrollment, labels.source("Ed-Fi student digital-equity records (" + SurveyImport.fileName(name) + ")"),
                    labels.year(), notes);
        }
    }

    /**
     * The race group as federal reporting forms it: Hispanic or Latino of any race, two or more races, or the
     * one race given.
     */
    static String race(JsonNode record) {
        if (record.path("hispanicLatinoEthnicity").asBoolean(false)) {
            return "Hispanic or Latino";
        }
        List<String> races = new ArrayList<>();
        for (JsonNode r : record.path("races")) {
            String code = Question.descriptorCode(r.path("raceDescriptor").asText("")).strip();
            if (!code.isEmpty()) {
                races.add(code);
            }
        }
        return races.isEmpty() ? null : races.size() > 1 ? "Two or more races" : races.get(0);
    }
}
