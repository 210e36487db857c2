package org.equityadvisor.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Measure;
import org.equityadvisor.model.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EdFiImportTest {

    private static final String NS = "uri://ed-fi.org/";

    /** An association as the ODS/API (Data Standard 4 or 5) returns it, with the 3.3-b digital-equity properties. */
    static String association(String org, Boolean access, String barrier, String type, String performance, String device, String provider, String sharing,
            List<String> characteristics, String english, boolean hispanic, String race) {
        StringBuilder json = new StringBuilder("{\"id\":\"x\",\"educationOrganizationReference\":{\"educationOrganizationId\":" + org + "},"
                + "\"studentReference\":{\"studentUniqueId\":\"604822\"},\"addresses\":[],\"electronicMails\":[]");
        if (access != null) {
            json.append(",\"internetAccessInResidence\":").append(access);
        }
        descriptor(json, "barrierToInternetAccessInResidenceDescriptor", "BarrierToInternetAccessInResidenceDescriptor", barrier);
        descriptor(json, "internetAccessTypeInResidenceDescriptor", "InternetAccessTypeInResidenceDescriptor", type);
        descriptor(json, "internetPerformanceInResidenceDescriptor", "InternetPerformanceInResidenceDescriptor", performance);
        descriptor(json, "primaryLearningDeviceAwayFromSchoolDescriptor", "PrimaryLearningDeviceAwayFromSchoolDescriptor", device);
        descriptor(json, "primaryLearningDeviceProviderDescriptor", "PrimaryLearningDeviceProviderDescriptor", provider);
        descriptor(json, "primaryLearningDeviceAccessDescriptor", "PrimaryLearningDeviceAccessDescriptor", sharing);
        descriptor(json, "limitedEnglishProficiencyDescriptor", "LimitedEnglishProficiencyDescriptor", english);
        json.append(",\"hispanicLatinoEthnicity\":").append(hispanic);
        json.append(",\"races\":[").append(race == null ? "" : "{\"raceDescriptor\":\"" + NS + "RaceDescriptor#" + race + "\"}").append(']');
        json.append(",\"studentCharacteristics\":[");
        for (int i = 0; i < characteristics.size(); i++) {
            json.append(i > 0 ? "," : "").append("{\"studentCharacteristicDescriptor\":\"").append(NS).append("StudentCharacteristicDescriptor#")
                    .append(characteristics.get(i)).append("\",\"periods\":[]}");
        }
        return json.append("]}").toString();
    }

    private static void descriptor(StringBuilder json, String property, String descriptor, String code) {
        if (code != null) {
            json.append(",\"").append(property).append("\":\"").append(NS).append(descriptor).append('#').append(code).append('"');
        }
    }

    /** The thirty students of SurveyImportTest.THIRTY, as Ed-Fi associations (schools are not part of the association). */
    static List<String> thirty(String org) {
        List<String> out = new ArrayList<>();
        List<String> poor = List.of("Economic Disadvantaged");
        out.addAll(Collections.nCopies(10, association(org, true, null, "Residential Broadband", "Yes", "Laptop Computer", "School", "Not Shared", List.of(),
                "NotLimited", false, "White")));
        out.addAll(Collections.nCopies(6, association(org, false, "Not Affordable", "None", null, "Smartphone", "Personal", "Shared", poor, null, true,
                "White")));
        out.addAll(Collections.nCopies(4, association(org, false, "Not Available", "None", null, "None", null, null, poor, "Limited", true, null)));
        out.addAll(Collections.nCopies(5, association(org, true, null, "Cellular Network", "Sometimes", "Chromebook", "School", "Shared", poor, null, false,
                "White")));
        out.addAll(Collections.nCopies(5, association(org, true, null, "Residential Broadband", "No", "Tablet", "Personal", "Not Shared", List.of(),
                "Limited", false, "Asian")));
        return out;
    }

    static String array(List<String> records) {
        return "[\n" + String.join(",\n", records) + "\n]";
    }

    private static ImportReport read(EdFiImport edfi, String name, String json) {
        return edfi.read(name, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 40);
    }

    private static List<Measure> withoutSchools(List<Measure> measures) {
        return measures.stream().filter(m -> !m.group().startsWith("school:")).toList();
    }

    private static List<Measure> values(List<Measure> measures) {
        return measures.stream().map(m -> new Measure(m.metric(), m.group(), m.value(), m.n(), null, null, null, m.kind())).toList();
    }

    @Test
    void countsDataStandardFiveAssociationsExactlyAsTheSameAnswersInASurvey() {
        ImportReport edfi = read(EdFiImport.standard(), "seoa.json", array(thirty("255901")));
        ImportReport csv = SurveyImportTest.read(SurveyImport.standard(), "survey.csv", SurveyImportTest.THIRTY, 40);

        assertThat(edfi.rowsRead()).isEqualTo(30);
        assertThat(edfi.rowsUsed()).isEqualTo(30);
        assertThat(values(edfi.measures())).isEqualTo(values(withoutSchools(csv.measures())));
        assertThat(edfi.withheld()).isEqualTo(csv.withheld().stream().filter(w -> !w.contains("school:")).toList());
        assertThat(edfi.measures()).allSatisfy(m -> assertThat(m.source()).isEqualTo("Ed-Fi student digital-equity records (seoa.json)"));
    }

    @Test
    void readsTheOlderStudentIndicatorsOfGroupDigitalEquity() {
        String record = "{\"educationOrganizationReference\":{\"educationOrganizationId\":255901},\"studentIndicators\":["
                + "{\"indicatorName\":\"InternetAccessInResidence\",\"indicatorGroup\":\"DigitalEquity\",\"indicator\":\"No\"},"
                + "{\"indicatorName\":\"BarrierToInternetAccessInResidence\",\"indicatorGroup\":\"DigitalEquity\",\"indicator\":\"Not Affordable\"},"
                + "{\"indicatorName\":\"PrimaryLearningDeviceAwayFromSchool\",\"indicatorGroup\":\"DigitalEquity\",\"indicator\":\"Smartphone\"},"
                + "{\"indicatorName\":\"At risk\",\"indicatorGroup\":\"Early warning\",\"indicator\":\"Maybe\"}]}";
        String connected = "{\"studentIndicators\":[{\"indicatorName\":\"InternetAccessInResidence\",\"indicatorGroup\":\"Digital Equity\",\"indicator\":\"Yes\"},"
                + "{\"indicatorName\":\"PrimaryLearningDeviceAwayFromSchool\",\"indicatorGroup\":\"DigitalEquity\",\"indicator\":\"Laptop Computer\"}]}";
        List<String> records = new ArrayList<>(Collections.nCopies(3, record));
        records.addAll(Collections.nCopies(9, connected));

        ImportReport r = read(EdFiImport.standard(), "michigan.json", array(records));

        assertThat(r.problems()).as("an indicator of another group is not ours to judge").isEmpty();
        assertThat(SurveyImportTest.value(r, "GM-01", "all")).as("3 of 12").isEqualTo(25.0);
        assertThat(SurveyImportTest.value(r, "GM-05", "all")).as("3 phones of 12").isEqualTo(25.0);
        assertThat(SurveyImportTest.figure(r, "GM-04b", "all")).as("only 3 offline: withheld").isEmpty();
    }

    @Test
    void reportsABadRecordWithItsLineAndIndexAndGoesOn() {
        List<String> records = new ArrayList<>(thirty("255901"));
        records.set(3, association("255901", true, null, "Fiber", "Yes", "Laptop Computer", "School", "Not Shared", List.of(), null, false, "White"));
        records.set(5, "42");

        ImportReport r = read(EdFiImport.standard(), "seoa.json", array(records));

        assertThat(r.problems()).extracting(Problem::toString).containsExactly(
                "seoa.json:5: [3].internetAccessTypeInResidenceDescriptor: 'uri://ed-fi.org/InternetAccessTypeInResidenceDescriptor#Fiber' is not an answer to "
                        + "InternetAccessTypeInResidence (expected Residential Broadband, Cellular Network, Hot Spot, Community Provided Wi-Fi, Satellite, "
                        + "Dial-up, Other, None, Unknown); map it in a mapping file",
                "seoa.json:7: [5]: expected an association object, found number");
        assertThat(r.rowsRead()).isEqualTo(30);
        assertThat(r.rowsUsed()).isEqualTo(28);
    }

    @Test
    void saysWhenRecordsOfSeveralOrganizationsAreCountedAndCountsOneWhenAsked() {
        List<String> records = new ArrayList<>(thirty("255901"));
        records.addAll(thirty("255901001"));

        ImportReport all = read(EdFiImport.standard(), "two.json", array(records));
        ImportReport one = read(EdFiImport.standard().forOrganization("255901"), "two.json", array(records));

        assertThat(all.rowsUsed()).isEqualTo(60);
        assertThat(all.notes()).anyMatch(n -> n.startsWith("the records belong to 2 education organizations (255901, 255901001)"));
        assertThat(one.rowsUsed()).isEqualTo(30);
        assertThat(one.notes()).contains("counted the associations of education organization 255901 only");
    }

    @Test
    void refusesSomethingThatIsNotTheResourcesArray() {
        InputException e = catchThrowableOfType(InputException.class, () -> read(EdFiImport.standard(), "one.json", "{\"id\":1}"));

        assertThat(e.getMessage()).contains("one.json:1: expected the JSON array of studentEducationOrganizationAssociations");
    }

    // --- pulling from an Ed-Fi API ---------------------------------------------------------------------

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A loopback ODS/API: client credentials for a bearer token, offset/limit paging, and a token that expires after two pages. */
    private URI serve(List<String> records, AtomicInteger tokens, List<String> pages) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String basic = "Basic " + Base64.getEncoder().encodeToString("district-client:s3cret".getBytes(StandardCharsets.UTF_8));
        AtomicInteger served = new AtomicInteger();
        server.createContext("/api/oauth/token", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!basic.equals(x.getRequestHeaders().getFirst("Authorization")) || !body.equals("grant_type=client_credentials")) {
                send(x, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            send(x, 200, "{\"access_token\":\"token-" + tokens.incrementAndGet() + "\",\"expires_in\":1800,\"token_type\":\"bearer\"}");
        });
        server.createContext("/api/data/v3/ed-fi/studentEducationOrganizationAssociations", x -> {
            String auth = x.getRequestHeaders().getFirst("Authorization");
            boolean expired = "Bearer token-1".equals(auth) && served.get() >= 2;
            if (auth == null || !auth.startsWith("Bearer token-") || expired) {
                send(x, 401, "");
                return;
            }
            Map<String, String> q = query(x.getRequestURI());
            pages.add(x.getRequestURI().getQuery());
            int offset = Integer.parseInt(q.get("offset"));
            int limit = Integer.parseInt(q.get("limit"));
            served.incrementAndGet();
            send(x, 200, array(records.subList(Math.min(offset, records.size()), Math.min(offset + limit, records.size()))));
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        for (String pair : uri.getQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (var out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
        x.close();
    }

    @Test
    void pullsEveryPageWithClientCredentialsRenewsAnExpiredTokenAndCountsAsTheFileDoes() throws Exception {
        AtomicInteger tokens = new AtomicInteger();
        List<String> pages = Collections.synchronizedList(new ArrayList<>());
        URI base = serve(thirty("255901"), tokens, pages);

        ImportReport pulled = EdFiImport.standard().forOrganization("255901").pull(EdFiApi.of(base, "district-client", "s3cret").withPageSize(7), 40);
        ImportReport file = read(EdFiImport.standard(), "seoa.json", array(thirty("255901")));

        assertThat(pages).containsExactly("offset=0&limit=7&educationOrganizationId=255901", "offset=7&limit=7&educationOrganizationId=255901",
                "offset=14&limit=7&educationOrganizationId=255901", "offset=21&limit=7&educationOrganizationId=255901",
                "offset=28&limit=7&educationOrganizationId=255901");
        assertThat(tokens.get()).as("the first token expired after two pages and was renewed once").isEqualTo(2);
        assertThat(pulled.rowsRead()).isEqualTo(30);
        assertThat(values(pulled.measures())).isEqualTo(values(file.measures()));
    }

    @Test
    void saysWhenTheApiRefusesTheClient() throws Exception {
        URI base = serve(thirty("255901"), new AtomicInteger(), new ArrayList<>());

        InputException e = catchThrowableOfType(InputException.class, () -> EdFiImport.standard().pull(EdFiApi.of(base, "district-client", "wrong"), null));

        assertThat(e.getMessage()).contains("the Ed-Fi API refused the client credentials (HTTP 401): check the client id and secret");
        assertThat(e.getMessage()).doesNotContain("wrong");
    }

    @Test
    void keepsTheSecretOutOfItsDescription() {
        assertThat(EdFiApi.of(URI.create("https://ods.example.org/api"), "id", "s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void readsAStateNamespacesCodesThroughAMapping() {
        String record = association("255901", true, null, null, null, null, null, null, List.of(), null, false, null)
                .replace("\"internetAccessInResidence\":true", "\"internetAccessTypeInResidenceDescriptor\":\"uri://michigan.gov/InternetAccessTypeInResidenceDescriptor#SchoolProvidedHotSpot\","
                        + "\"internetAccessInResidence\":true");
        String none = association("255901", null, null, null, null, null, null, null, List.of(), null, false, null)
                .replace("\"hispanicLatinoEthnicity\"", "\"internetAccessTypeInResidenceDescriptor\":\"uri://michigan.gov/InternetAccessTypeInResidenceDescriptor#NoAccess\",\"hispanicLatinoEthnicity\"");
        List<String> records = new ArrayList<>(Collections.nCopies(6, record));
        records.addAll(Collections.nCopies(4, none));
        ImportReport unmapped = read(EdFiImport.standard(), "mi.json", array(records));
        assertThat(unmapped.problems()).hasSize(4);

        EdFiImport mapping = EdFiImport.withMapping("mi.yaml", "answers:\n  InternetAccessTypeInResidence: { NoAccess: None }\n");
        ImportReport r = read(mapping, "mi.json", array(records));
        assertThat(r.problems()).isEmpty();
        assertThat(SurveyImportTest.value(r, "GM-01", "all")).as("4 without access of 10").isEqualTo(40.0);
    }

    @Test
    void keepsNoStudentIdInItsReport() {
        ImportReport r = read(EdFiImport.standard(), "seoa.json", array(thirty("255901")));

        assertThat(r.toString()).doesNotContain("604822");
    }
}
