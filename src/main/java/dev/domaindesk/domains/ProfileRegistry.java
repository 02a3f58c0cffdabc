package dev.domaindesk.domains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Record profiles: the built-in {@code ses} profile plus any {@code profiles/*.json} in the data directory
 * (a file there with the same name replaces a built-in one).
 */
public final class ProfileRegistry {
    public static final String DEFAULT = "ses";
    private static final Logger LOG = LoggerFactory.getLogger(ProfileRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, RecordProfile> profiles = new TreeMap<>();

    public ProfileRegistry(Path profileDir) {
        load(ProfileRegistry.class.getResourceAsStream("/profiles/ses.json"), "built-in ses.json");
        if (profileDir != null && Files.isDirectory(profileDir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(profileDir, "*.json")) {
                for (Path file : files) {
                    try (InputStream in = Files.newInputStream(file)) {
                        load(in, file.toString());
                    } catch (IOException | IllegalArgumentException e) {
                        LOG.warn("Ignoring record profile {}: {}", file, e.getMessage());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read profiles in " + profileDir, e);
            }
        }
    }

    private void load(InputStream in, String source) {
        try {
            RecordProfile profile = parse(JSON.readTree(in), source);
            profiles.put(profile.name(), profile);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static RecordProfile parse(JsonNode root, String source) {
        String name = text(root, "name", source);
        List<RecordProfile.Template> templates = new ArrayList<>();
        JsonNode records = root.path("records");
        if (!records.isArray() || records.isEmpty()) {
            throw new IllegalArgumentException(source + ": 'records' must be a non-empty array");
        }
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            String where = source + " records[" + i + "]";
            JsonNode priority = r.path("priority");
            templates.add(new RecordProfile.Template(
                    RecordType.parse(text(r, "type", where)),
                    text(r, "name", where),
                    text(r, "value", where),
                    priority.isInt() ? priority.intValue() : null,
                    r.path("required").asBoolean(true),
                    r.path("purpose").isTextual() ? r.path("purpose").asText() : null));
        }
        return new RecordProfile(name, root.path("description").asText(""), templates);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    public Optional<RecordProfile> find(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    public RecordProfile require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown profile '" + name + "' (known: " + String.join(", ", profiles.keySet()) + ")"));
    }

    public List<String> names() {
        return List.copyOf(profiles.keySet());
    }
}
