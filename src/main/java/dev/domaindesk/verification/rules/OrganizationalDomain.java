package dev.domaindesk.verification.rules;

import com.google.common.net.InternetDomainName;
import java.util.Optional;

/**
 * A domain's organisational domain (RFC 7489 section 3.2): its public suffix, found in the Public Suffix List that
 * Guava's {@link InternetDomainName} carries, plus one label. A name under no listed suffix (such as {@code .test})
 * follows the list's default rule "*": its last label is the public suffix.
 */
public final class OrganizationalDomain {
    private OrganizationalDomain() {
    }

    /** The organisational domain of {@code domain}, empty when {@code domain} is a public suffix itself or invalid. */
    public static Optional<String> of(String domain) {
        String name = Names.normalize(domain);
        InternetDomainName parsed;
        try {
            parsed = InternetDomainName.from(name);
        } catch (IllegalArgumentException notADomain) {
            return lastTwoLabels(name);
        }
        if (parsed.isUnderPublicSuffix()) {
            return Optional.of(parsed.topPrivateDomain().toString());
        }
        if (parsed.isPublicSuffix() || parsed.hasPublicSuffix()) {
            return Optional.empty();
        }
        return lastTwoLabels(name);
    }

    private static Optional<String> lastTwoLabels(String name) {
        String[] labels = name.split("\\.");
        return labels.length < 2 ? Optional.empty()
                : Optional.of(labels[labels.length - 2] + "." + labels[labels.length - 1]);
    }
}
