package dev.domaindesk.bench;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.settings.Settings;
import dev.domaindesk.testing.KnotServer;
import dev.domaindesk.ui.shell.DesktopApp;
import dev.domaindesk.ui.testing.ZoneText;
import dev.domaindesk.verification.CheckListener;
import dev.domaindesk.verification.CheckService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A data directory with a few domains in mixed states, checked against a local Knot, then the real window on it
 * (for the screenshot in assets/window.png): {@code java -cp ... dev.domaindesk.bench.DemoData DIR}.
 */
public final class DemoData {
    private DemoData() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args.length > 0 ? args[0] : "target/demo").toAbsolutePath();
        Path data = base.resolve("data");
        boolean fresh = !Files.exists(data);
        // the senders the records include, so SPF is evaluated as receivers do (not "couldn't check")
        try (KnotServer knot = KnotServer.start(base.resolve("knot-" + System.nanoTime()), Map.of(
                "amazonses.com", "@ 300 IN TXT \"v=spf1 ip4:199.255.192.0/22 -all\"",
                "mailgun.org", "@ 300 IN TXT \"v=spf1 ip4:198.61.254.0/23 ~all\""))) {
            try (AppContext ctx = new AppContext(data, Clock.systemUTC())) {
                ctx.settings().save(new Settings(List.of("127.0.0.1:" + knot.port()), Duration.ofMillis(800), 50,
                        Duration.ofMinutes(360), Duration.ofHours(72), "us-east-1",
                        "dark".equals(System.getProperty("demo.theme")) ? Settings.Theme.DARK : Settings.Theme.LIGHT, ""));
                if (fresh) {
                    publish(ctx, knot, "acme-mail.com", "amy.ns.cloudflare.com", r -> true, Map.of());
                    publish(ctx, knot, "shop.example.org", "ns-1021.awsdns-63.net", r -> !r.name().startsWith("_dmarc"),
                            Map.of("spf", "v=spf1 include:mailgun.org ~all"));
                    publish(ctx, knot, "bücher.example", "ns1.domaincontrol.com",
                            r -> r.recordType() != RecordType.CNAME, Map.of());
                    publish(ctx, knot, "newsletter.example.net", "dns1.registrar-servers.com", r -> false, Map.of());
                    publish(ctx, knot, "support.example.com", "hydrogen.ns.hetzner.com", r -> true, Map.of());
                    ctx.domains().add("zeta-labs.io", "ses");
                } else {
                    republish(ctx, knot);
                }
                List<String> checked = ctx.domains().list().stream().filter(d -> !d.name().ascii().equals("zeta-labs.io"))
                        .map(d -> d.id()).toList();
                ctx.checks().start(checked, ctx.checks().storedOptions(), CheckListener.NONE)
                        .done().get(120, TimeUnit.SECONDS);
                if (fresh) {
                    // then shop.example.org publishes its DMARC record: the History pane has a change to show
                    String shop = ctx.domains().require("shop.example.org").id();
                    publishAgain(ctx, knot, "shop.example.org", "ns-1021.awsdns-63.net",
                            Map.of("spf", "v=spf1 include:mailgun.org ~all"));
                    ctx.checks().start(List.of(shop), ctx.checks().storedOptions(), CheckListener.NONE)
                            .done().get(120, TimeUnit.SECONDS);
                }
                ctx.settings().saveLastDomainId(ctx.domains().require("shop.example.org").id());
            }
            DesktopApp.open(data.toString());
        }
    }

    private static void publish(AppContext ctx, KnotServer knot, String name, String ns, Predicate<DnsRecord> which,
                                Map<String, String> wrong) throws Exception {
        DomainWithRecords d = ctx.domains().add(name, "ses");
        Map<String, String> replaced = new HashMap<>();
        d.records().stream().filter(r -> r.recordType() == RecordType.TXT && r.value().startsWith("v=spf1")
                && r.name().equals(d.domain().name().ascii())).findFirst()
                .ifPresent(r -> {
                    if (wrong.containsKey("spf")) {
                        replaced.put(r.id(), wrong.get("spf"));
                    }
                });
        String zone = "@ 300 IN NS " + ns + ".\n" + ZoneText.of(d.records().stream().filter(which).toList(), replaced);
        Files.writeString(ctx.dataDir().resolve(d.domain().name().ascii() + ".zone-demo"), zone);
        knot.zone(d.domain().name().ascii(), zone);
    }

    /** All of an added domain's records now, but {@code wrong}'s SPF value. */
    private static void publishAgain(AppContext ctx, KnotServer knot, String name, String ns, Map<String, String> wrong)
            throws Exception {
        String id = ctx.domains().require(name).id();
        List<DnsRecord> records = ctx.domains().records(id);
        Map<String, String> replaced = new HashMap<>();
        records.stream().filter(r -> r.recordType() == RecordType.TXT && r.value().startsWith("v=spf1")
                && r.name().equals(name)).findFirst().ifPresent(r -> replaced.put(r.id(), wrong.get("spf")));
        String zone = "@ 300 IN NS " + ns + ".\n" + ZoneText.of(records, replaced);
        Files.writeString(ctx.dataDir().resolve(name + ".zone-demo"), zone);
        knot.zone(name, zone);
    }

    private static void republish(AppContext ctx, KnotServer knot) throws Exception {
        try (var files = Files.list(ctx.dataDir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".zone-demo")).toList()) {
                String zone = f.getFileName().toString().replace(".zone-demo", "");
                knot.zone(zone, Files.readString(f));
            }
        }
    }
}
