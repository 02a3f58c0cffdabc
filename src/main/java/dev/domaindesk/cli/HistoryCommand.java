package dev.domaindesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.history.HistoryEntry;
import dev.domaindesk.history.Timeline;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code history DOMAIN|ID [--json]}: what each check of a domain's records changed, and when. */
final class HistoryCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Args parsed = Args.parse(args, List.of(), List.of("--json"));
        if (parsed.positionals().size() != 1) {
            throw new UsageException("usage: " + usage());
        }
        Domain domain = context.app().domains().require(parsed.positionals().get(0));
        List<DnsRecord> records = context.app().domains().records(domain.id());
        Map<String, List<HistoryEntry>> byRecord = context.app().history().ofDomain(domain.id()).stream()
                .collect(Collectors.groupingBy(HistoryEntry::recordId));
        if (parsed.flag("--json")) {
            context.out().println(ServiceJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(json(domain, records, byRecord)));
            return ExitCodes.OK;
        }
        context.out().println(domain.name().unicode() + " (id " + domain.id() + "), times in UTC");
        for (DnsRecord r : records) {
            context.out().println();
            context.out().println(r.recordType() + " " + r.name());
            List<Timeline.Span> spans = Timeline.spans(byRecord.getOrDefault(r.id(), List.of()), r.lastChecked());
            if (spans.isEmpty()) {
                context.out().println("not checked yet");
            }
            TextTable table = new TextTable("FROM", "UNTIL", "RESULT", "FOUND");
            for (Timeline.Span s : spans) {
                table.row(ServiceJson.format(s.from()), s.current() ? "now (last check "
                        + ServiceJson.format(s.until()) + ")" : ServiceJson.format(s.until()), result(s),
                        s.found().isEmpty() ? "-" : String.join(" | ", s.found()));
            }
            if (!spans.isEmpty()) {
                table.print(context.out());
                context.out().println(Timeline.summary(spans, ZoneOffset.UTC, context.clock().instant()));
            }
        }
        return ExitCodes.OK;
    }

    private static String result(Timeline.Span s) {
        String word = Timeline.word(s.state());
        return s.diagnoses().isEmpty() ? word : word + " (" + s.diagnoses().stream().map(Diagnosis::code)
                .collect(Collectors.joining(", ")) + ")";
    }

    private static ObjectNode json(Domain domain, List<DnsRecord> records, Map<String, List<HistoryEntry>> byRecord) {
        ObjectNode root = ServiceJson.mapper().createObjectNode();
        root.put("domainId", domain.id());
        root.put("domain", domain.name().ascii());
        ArrayNode list = root.putArray("records");
        for (DnsRecord r : records) {
            ObjectNode record = list.addObject();
            record.put("recordId", r.id());
            record.put("type", r.recordType().toString());
            record.put("name", r.name());
            ArrayNode spans = record.putArray("history");
            for (Timeline.Span s : Timeline.spans(byRecord.getOrDefault(r.id(), List.of()), r.lastChecked())) {
                ObjectNode span = spans.addObject();
                span.put("from", ServiceJson.format(s.from()));
                span.put("until", s.until() == null ? null : ServiceJson.format(s.until()));
                span.put("current", s.current());
                span.put("state", s.state().wire());
                ArrayNode found = span.putArray("found");
                s.found().forEach(found::add);
                ArrayNode diagnoses = span.putArray("diagnoses");
                for (Diagnosis d : s.diagnoses()) {
                    diagnoses.addObject().put("code", d.code()).put("severity", d.severity().wire())
                            .put("message", d.message());
                }
            }
        }
        return root;
    }

    @Override
    public String usage() {
        return "history DOMAIN|ID [--json]";
    }
}
