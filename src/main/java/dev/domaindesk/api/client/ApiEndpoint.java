package dev.domaindesk.api.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The service's base URL (e.g. {@code https://host/api/v2}), validated: https, or plain http only to a loopback
 * address, since over plain http the Bearer key would cross the network readable by anyone on the path.
 */
public final class ApiEndpoint {
    private final URI base;

    private ApiEndpoint(URI base) {
        this.base = base;
    }

    public static ApiEndpoint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ApiException(ApiException.Kind.CONFIG, "no API URL: give --api-url https://host/api/v2"
                    + " (it is remembered in the setting api.url)");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new ApiException(ApiException.Kind.CONFIG, "the API URL '" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new ApiException(ApiException.Kind.CONFIG, "the API URL must start with https:// (got '" + text + "')");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ApiException(ApiException.Kind.CONFIG, "the API URL '" + text + "' has no host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ApiException(ApiException.Kind.CONFIG, "the API URL must be a plain base such as"
                    + " https://host/api/v2, without user, query or fragment");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new ApiException(ApiException.Kind.CONFIG, "plain http:// is refused for " + uri.getHost()
                    + ": the API key would travel unencrypted; use https:// (http is allowed only to loopback)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new ApiEndpoint(URI.create(scheme + "://" + uri.getRawAuthority() + path));
    }

    /** True for localhost and literal loopback addresses; never resolves other names through DNS. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = h.contains(":") || h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The absolute URI of {@code pathAndQuery} (starting with '/') under the base. */
    public URI resolve(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
