package dev.domaindesk.providers;

import dev.domaindesk.providers.DnsProvider.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Recognises a DNS provider from the host names of a zone's NS records. */
public final class DnsProviderCatalog {
    private final Map<String, DnsProvider> bySuffix = new LinkedHashMap<>();

    public DnsProviderCatalog() {
        add("ns.cloudflare.com", "Cloudflare", "Set the proxy status of CNAME records to \"DNS only\" (grey cloud).",
                new Fields("Type", "Name", "Content", "Priority", false, "Proxy status: DNS only"));
        add("awsdns", "Route 53", "Enter names relative to the hosted zone; TXT values need their double quotes.",
                new Fields("Record type", "Record name", "Value", "Value (before the host)", false, null));
        add("domaincontrol.com", "GoDaddy", "Use the host only (e.g. _dmarc); GoDaddy appends the domain itself.",
                new Fields("Type", "Name", "Value", "Priority", false, null));
        add("registrar-servers.com", "Namecheap", "Use the host only in \"Host\"; Namecheap appends the domain.",
                new Fields("Type", "Host", "Value", "Priority", false, null));
        add("googledomains.com", "Google", "Google Cloud DNS wants fully qualified names ending with a dot.",
                new Fields("Type", "Host name", "Data", "Priority", false, null));
        add("ns-cloud", "Google Cloud DNS", "Enter fully qualified names ending with a dot; quote TXT values.",
                new Fields("Resource record type", "DNS name", "Data", "Priority", true, null));
        add("azure-dns", "Azure DNS", "Enter the record set name relative to the zone (\"@\" for the apex).",
                new Fields("Type", "Name", "Value", "Preference", false, null));
        add("digitalocean.com", "DigitalOcean", "Enter the hostname relative to the domain (\"@\" for the apex).",
                new Fields("Type", "Hostname", "Value", "Priority", false, null));
        Fields hetzner = new Fields("Type", "Name", "Value", "Priority", false, null);
        add("hetzner.com", "Hetzner", "Enter names relative to the zone; \"@\" stands for the domain itself.", hetzner);
        add("second-ns.de", "Hetzner", "Enter names relative to the zone; \"@\" stands for the domain itself.", hetzner);
        add("ovh.net", "OVH", "Leave the sub-domain field empty for the apex; OVH appends the zone.",
                new Fields("Field type", "Sub-domain", "Target", "Priority", false, null));
        add("gandi.net", "Gandi", "Enter names relative to the domain (\"@\" for the apex).",
                new Fields("Type", "Name", "Value", "Priority", false, null));
        add("dnsimple.com", "DNSimple", "Leave the name empty for the apex; DNSimple appends the domain.",
                new Fields("Type", "Name", "Content", "Priority", false, null));
        add("linode.com", "Linode", "Leave the hostname empty for the apex; Linode appends the domain.",
                new Fields("Type", "Hostname", "Value", "Priority", false, null));
        add("name.com", "Name.com", "Use the host only; Name.com appends the domain.",
                new Fields("Type", "Host", "Answer", "Priority", false, null));
        add("porkbun.com", "Porkbun", "Use the host only; Porkbun appends the domain.",
                new Fields("Type", "Host", "Answer", "Priority", false, null));
        add("vercel-dns.com", "Vercel", "Use the host only; Vercel appends the domain.",
                new Fields("Type", "Name", "Value", "Priority", false, null));
        add("nsone.net", "NS1", "Enter fully qualified record names.",
                new Fields("Type", "Name", "Answer", "Priority", true, null));
    }

    private void add(String suffix, String name, String hint, Fields fields) {
        bySuffix.put(suffix, new DnsProvider(name, hint, fields));
    }

    /** The provider whose marker appears in most of the given NS host names, if any. */
    public Optional<DnsProvider> recognise(List<String> nameServers) {
        for (String ns : nameServers) {
            String host = ns.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
            for (Map.Entry<String, DnsProvider> e : bySuffix.entrySet()) {
                if (host.endsWith("." + e.getKey()) || host.contains(e.getKey())) {
                    return Optional.of(e.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
