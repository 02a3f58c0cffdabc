package dev.domaindesk.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiEndpointTest {
    @ParameterizedTest
    @CsvSource({
        "https://inbound.new/api/v2, https://inbound.new/api/v2/domains",
        "https://inbound.new/api/v2/, https://inbound.new/api/v2/domains",
        "http://127.0.0.1:8025/api/v2, http://127.0.0.1:8025/api/v2/domains",
        "http://localhost:8025/api/v2, http://localhost:8025/api/v2/domains",
        "http://[::1]:8025/api/v2, http://[::1]:8025/api/v2/domains",
        "HTTPS://Host.Example:8443/base, https://Host.Example:8443/base/domains"})
    void acceptsHttpsAnywhereAndHttpOnLoopback(String url, String resolved) {
        assertEquals(resolved, ApiEndpoint.parse(url).resolve("/domains").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://inbound.new/api/v2", "http://10.0.0.5/api/v2", "http://127.0.0.1.nip.io/api",
        "http://localhost.example.com/api"})
    void refusesPlainHttpToOtherHosts(String url) {
        ApiException e = assertThrows(ApiException.class, () -> ApiEndpoint.parse(url));
        assertEquals(ApiException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains("plain http:// is refused"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ftp://host/api", "inbound.new/api/v2", "https://user:pw@host/api",
        "https://host/api?x=1", "https:///api", "https://host/a b"})
    void refusesWhatIsNotAPlainBaseUrl(String url) {
        assertEquals(ApiException.Kind.CONFIG, assertThrows(ApiException.class, () -> ApiEndpoint.parse(url)).kind());
    }
}
