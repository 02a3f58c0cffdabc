package dev.domaindesk.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.Diagnosis;
import dev.domaindesk.domains.DnsRecord;
import java.util.List;

/** Assertions on a stored record's verdict. */
final class Expect {
    private Expect() {
    }

    /** The record has {@code state} and exactly the diagnoses {@code codes}, in order. */
    static void verdict(DnsRecord record, CheckState state, String... codes) {
        String context = record.recordType() + " " + record.name() + " found " + record.found() + " diagnoses "
                + record.diagnoses();
        assertEquals(state, record.checkState(), context);
        assertEquals(List.of(codes), record.diagnoses().stream().map(Diagnosis::code).toList(), context);
        if (state != CheckState.DNS_ERROR) {
            assertEquals(state == CheckState.VERIFIED, record.isVerified(), context);
        }
    }

    static Diagnosis diagnosis(DnsRecord record, String code) {
        return record.diagnoses().stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + record.diagnoses()));
    }
}
