package dev.domaindesk.cli;

import dev.domaindesk.api.client.ApiException;
import dev.domaindesk.api.client.RemoteCheckResult;
import java.util.List;

/** {@code remote-check DOMAIN|ID}: asks the service to check a synced domain and shows its verdict beside ours. */
final class RemoteCheckCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) {
        Args parsed = Args.parse(args, List.of("--api-url"), List.of());
        if (parsed.positionals().size() != 1) {
            throw new UsageException("usage: " + usage());
        }
        RemoteCheckResult result;
        try {
            result = context.app().remoteChecks().check(parsed.positionals().get(0), parsed.value("--api-url"));
        } catch (ApiException e) {
            return ApiFailures.report(context, "remote-check", e);
        }
        context.out().printf("%s (%s): the service says %s; SES %s, DKIM %s, MAIL FROM %s; fully verified: %s%n",
                result.domain(), result.domainId(), orDash(result.serviceStatus()), orDash(result.sesStatus()),
                orDash(result.dkimStatus()), orDash(result.mailFromStatus()),
                result.isFullyVerified() == null ? "-" : result.isFullyVerified() ? "yes" : "no");
        TextTable table = new TextTable("TYPE", "NAME", "SERVICE", "DOMAINDESK", "VALUE", "SERVICE ERROR");
        for (RemoteCheckResult.RecordVerdict r : result.records()) {
            table.row(r.type(), r.name(), r.serviceVerified() ? "verified" : "not verified",
                    r.ourVerdict() == null ? "(not a stored record)" : r.ourVerdict(), r.value(), r.error());
        }
        table.print(context.out());
        if (!result.recommendations().isEmpty()) {
            context.out().println("The service recommends:");
            for (RemoteCheckResult.Recommendation r : result.recommendations()) {
                context.out().printf("  %s: %s  %s%n    %s%n", r.kind(), orDash(r.name()), orDash(r.value()),
                        orDash(r.description()));
            }
        }
        return ExitCodes.OK;
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    @Override
    public String usage() {
        return "remote-check DOMAIN|ID [--api-url URL]";
    }
}
