package dev.domaindesk.api.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.domaindesk.api.json.ServiceJson;

/** A status code and a JSON body; errors carry the service's {@code {"error": ..., "details": ...}} shape. */
record ApiResponse(int status, Object body) {

    static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    static ApiResponse error(int status, String error) {
        ObjectNode node = ServiceJson.mapper().createObjectNode();
        node.put("error", error);
        return new ApiResponse(status, node);
    }

    static ApiResponse error(int status, String error, String details) {
        ObjectNode node = ServiceJson.mapper().createObjectNode();
        node.put("error", error);
        node.put("details", details);
        return new ApiResponse(status, node);
    }
}
