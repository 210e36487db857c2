package org.equityadvisor.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * What one request may ask of the server: a body of at most {@code equityadvisor.limits.body-size} (refused
 * with 413 by {@link BodyLimit} before it is read) and JSON nested at most
 * {@code equityadvisor.limits.nesting-depth} deep. The limits inside an assessment or a plan (rows, string
 * lengths, YAML aliases) are the readers' own, so the command line has them too.
 */
@Configuration
class Limits {

    private final long bodyBytes;
    private final StreamReadConstraints constraints;
    private final ObjectMapper yaml;

    Limits(@Value("${equityadvisor.limits.body-size}") DataSize bodySize, @Value("${equityadvisor.limits.nesting-depth}") int nestingDepth) {
        this.bodyBytes = bodySize.toBytes();
        int most = (int) Math.min(Integer.MAX_VALUE, bodyBytes);
        this.constraints = StreamReadConstraints.builder().maxNestingDepth(nestingDepth).maxDocumentLength(bodyBytes).maxStringLength(most).build();
        this.yaml = new ObjectMapper(YAMLFactory.builder().streamReadConstraints(constraints).build());
    }

    long bodyBytes() {
        return bodyBytes;
    }

    /** The server's own JSON reader (request bodies read as trees) gets the same limits. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer readLimits() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints));
    }

    /**
     * Tomcat answers "100 Continue" only once the body is read, so a client that waits for it (curl does for
     * large bodies) never uploads a body refused for its declared size.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnRead() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }

    /**
     * The {@code district} block of an assessment in JSON or YAML (YAML reads both), found by streaming over
     * the top level and skipping everything else: a few milliseconds even for a body at the size limit, so a
     * leader's request for another district is refused before the assessment is read, checked and advised
     * on. Empty when the body cannot be read this way or has no district object; the full reader then
     * reports why, and the district is checked again on what it read.
     */
    Optional<JsonNode> districtBlock(String body) {
        try (JsonParser parser = yaml.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("district".equals(field) && value == JsonToken.START_OBJECT) {
                    return Optional.of(yaml.readTree(parser));
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Bytes as people read them: 512 bytes, 1.0 MiB. */
    static String show(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
