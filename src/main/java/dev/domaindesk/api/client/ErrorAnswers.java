package dev.domaindesk.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Turns a non-200 answer into an {@link ApiException} carrying the service's own error text. */
final class ErrorAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNIPPET = 200;

    private ErrorAnswers() {
    }

    static ApiException toException(String what, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String said = serviceText(response.body());
        String suffix = said.isEmpty() ? "" : ": " + said;
        if (status == 401 || status == 403) {
            return new ApiException(ApiException.Kind.AUTH, "the API key was rejected (HTTP " + status + " to " + what
                    + suffix + "); check DOMAINDESK_API_KEY or the key file");
        }
        if (status == 404) {
            return new ApiException(ApiException.Kind.NOT_FOUND, "not found (HTTP 404 to " + what + ")" + suffix);
        }
        if (status == 400) {
            return new ApiException(ApiException.Kind.BAD_REQUEST, "the service refused " + what + " (HTTP 400)" + suffix);
        }
        if (status == 429) {
            return new ApiException(ApiException.Kind.RATE_LIMITED, "still rate limited (HTTP 429 to " + what
                    + ") after retrying" + suffix + "; try again later");
        }
        if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse("(no Location)");
            return new ApiException(ApiException.Kind.BAD_RESPONSE, "the service redirects " + what + " to " + location
                    + "; DomainDesk does not follow redirects with your key: set the API URL to the final address");
        }
        if (status >= 500) {
            return new ApiException(ApiException.Kind.SERVER, "the service failed (HTTP " + status + " to " + what
                    + ") after retrying" + suffix);
        }
        return new ApiException(ApiException.Kind.BAD_RESPONSE, "unexpected HTTP " + status + " to " + what + suffix);
    }

    /** {@code error} and {@code details} from a JSON error body, else the start of the body as text. */
    static String serviceText(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject() && node.hasNonNull("error")) {
                String text = node.get("error").asText();
                if (node.hasNonNull("details")) {
                    text += " (" + node.get("details").asText() + ")";
                }
                return clip(text);
            }
        } catch (IOException notJson) {
            // fall through to raw text
        }
        return clip(new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip());
    }

    static String clip(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= SNIPPET ? printable : printable.substring(0, SNIPPET) + "…";
    }
}
