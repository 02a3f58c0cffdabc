package dev.domaindesk.cli;

import dev.domaindesk.api.client.ApiException;

/** Exit codes for failures talking to the service: 5 key refused, 2 configuration, 3 everything else. */
final class ApiFailures {
    private ApiFailures() {
    }

    static int report(CliContext context, String command, ApiException e) {
        context.err().println("domaindesk: " + command + ": " + e.getMessage());
        return switch (e.kind()) {
            case AUTH -> ExitCodes.AUTH_REFUSED;
            case CONFIG -> ExitCodes.USAGE;
            default -> ExitCodes.DNS_OR_NETWORK;
        };
    }
}
