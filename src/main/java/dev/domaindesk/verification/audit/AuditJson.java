package dev.domaindesk.verification.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One JSON shape of an audit: stored, printed by {@code check --json} and {@code audit --json}. */
public final class AuditJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditJson() {
    }

    public static ObjectNode write(DomainAudit a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("domainId", a.domainId());
        o.put("domain", a.domain());
        o.put("auditedAt", a.auditedAt().toString());
        o.putObject("dnssec").put("state", a.dnssec().state().wire()).put("message", a.dnssec().message());
        ArrayNode dkim = o.putArray("dkim");
        for (DkimKey k : a.dkim()) {
            ObjectNode key = dkim.addObject().put("name", k.name()).put("keyName", k.keyName())
                    .put("strength", k.strength().wire()).put("keyType", k.keyType());
            key.put("bits", k.bits()).put("testing", k.testing()).put("message", k.message());
        }
        ArrayNode findings = o.putArray("findings");
        for (Diagnosis d : a.findings()) {
            findings.addObject().put("code", d.code()).put("severity", d.severity().wire()).put("message", d.message());
        }
        ArrayNode requirements = o.putArray("senderRequirements");
        for (Requirement r : a.requirements()) {
            requirements.addObject().put("id", r.id()).put("title", r.title()).put("receivers", r.receivers())
                    .put("result", r.result().wire()).put("why", r.why());
        }
        return o;
    }

    public static String toText(DomainAudit audit) {
        return write(audit).toString();
    }

    /** Reads what {@link #write} wrote; an {@link IllegalArgumentException} names what is wrong. */
    public static DomainAudit read(String json) {
        try {
            JsonNode o = MAPPER.readTree(json);
            JsonNode dnssec = o.required("dnssec");
            List<DkimKey> dkim = new ArrayList<>();
            for (JsonNode k : o.required("dkim")) {
                dkim.add(new DkimKey(k.required("name").asText(), k.required("keyName").asText(),
                        DkimKey.Strength.parse(k.required("strength").asText()),
                        k.path("keyType").isNull() ? null : k.path("keyType").asText(null), k.path("bits").asInt(),
                        k.path("testing").asBoolean(), k.required("message").asText()));
            }
            List<Diagnosis> findings = new ArrayList<>();
            for (JsonNode d : o.required("findings")) {
                findings.add(new Diagnosis(d.required("code").asText(), Severity.parse(d.required("severity").asText()),
                        d.required("message").asText()));
            }
            List<Requirement> requirements = new ArrayList<>();
            for (JsonNode r : o.required("senderRequirements")) {
                requirements.add(new Requirement(r.required("id").asText(), r.required("title").asText(),
                        r.required("receivers").asText(), Requirement.Result.parse(r.required("result").asText()),
                        r.required("why").asText()));
            }
            return new DomainAudit(o.required("domainId").asText(), o.required("domain").asText(),
                    Instant.parse(o.required("auditedAt").asText()),
                    new Dnssec(Dnssec.State.parse(dnssec.required("state").asText()), dnssec.required("message").asText()),
                    dkim, findings, requirements);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a stored audit: " + e.getMessage(), e);
        }
    }
}
