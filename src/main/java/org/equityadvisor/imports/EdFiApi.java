package org.equityadvisor.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;

/**
 * Where and how to pull {@code studentEducationOrganizationAssociations} from an Ed-Fi ODS/API: OAuth2 client
 * credentials at the token URL, then pages of {@code limit} records by {@code offset} until a short page.
 * The secret is used for the token request only and never written anywhere.
 *
 * @param resource the resource's URL, e.g. {@code https://ods.example.org/api/data/v3/ed-fi/studentEducationOrganizationAssociations}
 * @param token    the OAuth2 token URL, e.g. {@code https://ods.example.org/api/oauth/token}
 * @param pageSize records per page (the ODS/API allows at most 500 by default)
 */
public record EdFiApi(URI resource, URI token, String clientId, String clientSecret, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 500;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    public EdFiApi {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
    }

    /** The ODS/API's usual layout under its base URL: {@code data/v3/ed-fi/…} and {@code oauth/token}. */
    public static EdFiApi of(URI base, String clientId, String clientSecret) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return new EdFiApi(URI.create(root + "data/v3/ed-fi/studentEducationOrganizationAssociations"), URI.create(root + "oauth/token"), clientId,
                clientSecret, DEFAULT_PAGE_SIZE);
    }

    public EdFiApi withResource(URI newResource) {
        return new EdFiApi(newResource, token, clientId, clientSecret, pageSize);
    }

    public EdFiApi withToken(URI newToken) {
        return new EdFiApi(resource, newToken, clientId, clientSecret, pageSize);
    }

    public EdFiApi withPageSize(int size) {
        return new EdFiApi(resource, token, clientId, clientSecret, size);
    }

    @Override
    public String toString() {
        return "EdFiApi[" + resource + ", client " + clientId + "]";
    }

    /** Fetches every page and feeds it to the reading; a token that expires midway is renewed once per page. */
    void pages(EdFiImport importer, EdFiImport.Reading reading) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        String bearer = token(http);
        long offset = 0;
        while (true) {
            URI page = page(offset, importer.organization());
            HttpResponse<InputStream> response = get(http, page, bearer);
            if (response.statusCode() == 401) {
                close(response);
                bearer = token(http);
                response = get(http, page, bearer);
            }
            if (response.statusCode() != 200) {
                close(response);
                throw new InputException(resource.toString(), new Problem(page.toString(), "the Ed-Fi API answered HTTP " + response.statusCode()
                        + (response.statusCode() == 403 ? ": the client is not allowed to read studentEducationOrganizationAssociations" : "")));
            }
            int count;
            try (InputStream body = response.body()) {
                count = reading.page(page.toString(), body, offset);
            } catch (IOException e) {
                throw unreachable(page, e);
            }
            if (count < pageSize) {
                return;
            }
            offset += count;
        }
    }

    private URI page(long offset, String organization) {
        String query = "offset=" + offset + "&limit=" + pageSize + (organization == null ? "" : "&educationOrganizationId=" + encode(organization));
        String base = resource.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    private String token(HttpClient http) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(token).timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new InputException(token.toString(), new Problem(token.toString(), "the Ed-Fi API refused the client credentials (HTTP "
                        + response.statusCode() + "): check the client id and secret"));
            }
            JsonNode body = EdFiImport.JSON.readTree(response.body());
            String accessToken = body.path("access_token").asText("");
            if (accessToken.isEmpty()) {
                throw new InputException(token.toString(), new Problem(token.toString(), "the token answer has no access_token"));
            }
            return accessToken;
        } catch (IOException e) {
            throw unreachable(token, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(token, e);
        }
    }

    private static HttpResponse<InputStream> get(HttpClient http, URI page, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(page).timeout(TIMEOUT).header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable(page, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(page, e);
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // Nothing more to read from a refused page.
        }
    }

    private static InputException unreachable(URI uri, Exception e) {
        return new InputException(uri.toString(), new Problem(uri.toString(), "the Ed-Fi API could not be reached: " + e));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
