package dev.domaindesk.files;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.RecordType;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;

/** A BIND zone-file snippet an admin can paste; record data formatted by dnsjava. */
final class ZoneExport {
    static final long TTL = 3600;
    private static final int MAX_STRING = 255;

    private ZoneExport() {
    }

    static void write(List<DomainWithRecords> selection, boolean absolute, Writer out) throws IOException {
        for (DomainWithRecords d : selection) {
            DomainName domain = d.domain().name();
            DomainName zone = d.domain().zoneKnown() ? d.domain().zone() : domain;
            out.write("; DomainDesk: records for " + domain.ascii() + "\n");
            if (!absolute) {
                if (!d.domain().zoneKnown()) {
                    // never guess: a subdomain's records pasted with the parent zone's origin would land on the parent
                    out.write("; the DNS zone of " + domain.ascii() + " is not known yet (not checked): the names below"
                            + " are relative to it; inside a larger zone, change $ORIGIN to that zone and add the"
                            + " subdomain part\n");
                }
                out.write("$ORIGIN " + zone.ascii() + ".\n");
            }
            for (DnsRecord r : d.records()) {
                out.write(line(r, zone, absolute, domain));
            }
            out.write("\n");
        }
    }

    /**
     * One record's line. A record that cannot be written (stored before imports checked values, e.g. an MX
     * preference of 99999999999) is named, instead of a bare "For input string" from deep inside.
     */
    private static String line(DnsRecord r, DomainName zone, boolean absolute, DomainName domain) {
        try {
            String owner = absolute ? Name.fromString(r.name() + ".").toString()
                    : DomainName.parseRecordName(r.name()).relativeTo(zone);
            String data = r.recordType() == RecordType.TXT ? txtData(r.value()) : toDns(r).rdataToString();
            return String.format("%-50s %d IN %-5s %s%n", owner, TTL, r.recordType().name(), data);
        } catch (TextParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("record " + r.id() + " of " + domain.ascii() + " (" + r.recordType()
                    + " " + r.name() + " \"" + r.value() + "\") cannot be written as a zone file: " + e.getMessage()
                    + "; correct it and import it again", e);
        }
    }

    /** MX and CNAME as dnsjava writes them; TXT goes through {@link #txtData}, since dnsjava reads escapes. */
    static Record toDns(DnsRecord r) throws TextParseException {
        Name owner = Name.fromString(r.name() + ".");
        return switch (r.recordType()) {
            case TXT -> throw new IllegalArgumentException("TXT data is written by txtData");
            case MX -> new MXRecord(owner, DClass.IN, TTL, r.effectivePriority() == null ? 10 : r.effectivePriority(),
                    Name.fromString(absolute(r.target())));
            case CNAME -> new CNAMERecord(owner, DClass.IN, TTL, Name.fromString(absolute(r.value().strip())));
        };
    }

    private static String absolute(String host) {
        return host.endsWith(".") ? host : host + ".";
    }

    /**
     * A TXT value as zone-file text that a server loads back byte for byte (RFC 1035 section 5.1): quoted
     * character-strings of at most 255 bytes, a backslash or a quote escaped with a backslash, and every byte that is
     * not printable ASCII (control characters, DEL, each byte of a UTF-8 sequence) written as \DDD. dnsjava's own
     * TXT constructor would read the stored value's backslashes as escapes ({@code C:\dir\065} became "C:dirA").
     */
    static String txtData(String value) {
        StringBuilder out = new StringBuilder();
        for (String part : split(value)) {
            out.append(out.isEmpty() ? "\"" : " \"");
            for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
                int octet = b & 0xFF;
                if (octet == '"' || octet == '\\') {
                    out.append('\\').append((char) octet);
                } else if (octet < 0x20 || octet >= 0x7F) {
                    out.append(String.format("\\%03d", octet));
                } else {
                    out.append((char) octet);
                }
            }
            out.append('"');
        }
        return out.toString();
    }

    /** Splits a TXT value into character-strings of at most 255 bytes, never inside a UTF-8 sequence. */
    static List<String> split(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = Math.min(start + MAX_STRING, bytes.length);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            parts.add(new String(Arrays.copyOfRange(bytes, start, end), StandardCharsets.UTF_8));
            start = end;
        }
        return parts.isEmpty() ? List.of("") : parts;
    }
}
