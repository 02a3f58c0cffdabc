package dev.domaindesk.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one Jackson configuration for the service's JSON: ISO-8601 instants with milliseconds, unknown fields ignored. */
public final class ServiceJson {
    /** {@code 2025-09-01T10:00:00.000Z}, as the service writes instants. */
    public static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = create();

    private ServiceJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String format(Instant instant) {
        return instant == null ? null : INSTANT.format(instant);
    }

    private static ObjectMapper create() {
        SimpleModule instants = new SimpleModule("service-instants");
        instants.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(INSTANT.format(value));
            }
        });
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(instants)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT)
                // writing a document to standard output must not close it: what is printed after would fail
                .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    }
}
