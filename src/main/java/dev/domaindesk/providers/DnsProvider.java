package dev.domaindesk.providers;

/** A DNS hosting provider recognised by its name servers, with one line of advice for entering records there. */
public record DnsProvider(String name, String hint) {
}
