package dev.domaindesk.ui.shell;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainService;
import dev.domaindesk.domains.ui.RecordExplanation;
import dev.domaindesk.ui.Badge;
import dev.domaindesk.ui.BadgeIcons;
import dev.domaindesk.ui.RelativeTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.kordamp.ikonli.Ikon;

/**
 * What the window's first check would otherwise load or link on the FX thread, done on a background thread once
 * the domain list is shown, while the admin looks at it.
 */
final class ColdStart {
    private ColdStart() {
    }

    /** @param sample a listed domain (null: none listed) */
    static List<Ikon> load(DomainService domains, Domain sample) {
        RelativeTime.exact(Instant.EPOCH, ZoneId.systemDefault()); // the Checked tooltips' time-zone names (CLDR)
        if (sample != null) {
            linkRecordMethods(domains, sample);
        }
        return BadgeIcons.all(); // enums of hundreds of glyphs
    }

    /**
     * A Java record's {@code equals} and {@code hashCode} are linked (method handles spun, classes defined) the first
     * time they run. Property listeners compare domains and records when a check's first results arrive, on the FX
     * thread. Equal copies read again from the store compare every component, nested records too.
     */
    private static void linkRecordMethods(DomainService domains, Domain sample) {
        domains.find(sample.id()).ifPresent(fresh -> {
            fresh.equals(sample);
            fresh.hashCode();
        });
        List<DnsRecord> first = domains.records(sample.id());
        List<DnsRecord> again = domains.records(sample.id());
        first.equals(again);
        first.hashCode();
        for (DnsRecord r : first) {
            RecordExplanation.of(r, Badge.of(r.checkState(), r.regressed(), false)).equals(RecordExplanation.of(r, Badge.PENDING));
        }
    }
}
