package dev.domaindesk.cli;

import dev.domaindesk.api.client.ApiException;
import dev.domaindesk.api.client.ServiceKey;
import dev.domaindesk.api.client.ServiceKeySource;
import dev.domaindesk.api.json.ServiceJson;
import dev.domaindesk.apikeys.ApiKeyInfo;
import dev.domaindesk.apikeys.NewApiKey;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code api-key create NAME | list | revoke NAME} for the keys of {@code serve}, and
 * {@code api-key set-service | show-service | clear-service} for the service's key used by {@code sync}.
 */
final class ApiKeyCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) throws IOException {
        Args parsed = Args.parse(args, List.of(), List.of());
        List<String> p = parsed.positionals();
        String action = p.isEmpty() ? "" : p.get(0);
        switch (action + "/" + p.size()) {
            case "create/2" -> create(context, p.get(1));
            case "list/1" -> list(context);
            case "revoke/2" -> {
                context.app().apiKeys().revoke(p.get(1));
                context.out().println("revoked key '" + p.get(1) + "': requests with it are refused from now on");
            }
            case "set-service/1" -> setService(context);
            case "show-service/1" -> showService(context);
            case "clear-service/1" -> context.out().println(new ServiceKeySource(context.dataDir(), System.getenv())
                    .delete() ? "deleted the service key file" : "there was no service key file");
            default -> throw new UsageException("usage: " + usage());
        }
        return ExitCodes.OK;
    }

    private static void create(CliContext context, String name) {
        NewApiKey key = context.app().apiKeys().create(name);
        context.out().println("created key '" + name + "' (" + key.info().prefix() + "…) for 'domaindesk serve'.");
        context.out().println("Copy it now: only its hash is stored and it cannot be shown again.");
        context.out().println(key.secret());
    }

    private static void list(CliContext context) {
        List<ApiKeyInfo> keys = context.app().apiKeys().list();
        if (keys.isEmpty()) {
            context.out().println("no keys; create one with 'domaindesk api-key create NAME'");
            return;
        }
        TextTable table = new TextTable("NAME", "KEY", "CREATED", "LAST USED", "STATE");
        for (ApiKeyInfo k : keys) {
            table.row(k.name(), k.prefix() + "…", ServiceJson.format(k.createdAt()), ServiceJson.format(k.lastUsedAt()),
                    k.active() ? "active" : "revoked " + ServiceJson.format(k.revokedAt()));
        }
        table.print(context.out());
    }

    private static void setService(CliContext context) throws IOException {
        Console console = System.console();
        String secret;
        if (console != null) {
            char[] typed = console.readPassword("the service's API key (not echoed): ");
            secret = typed == null ? null : new String(typed);
        } else {
            secret = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (secret == null || secret.isBlank()) {
            throw new UsageException("no key given on standard input");
        }
        ServiceKeySource source = new ServiceKeySource(context.dataDir(), System.getenv());
        try {
            source.save(secret);
        } catch (ApiException e) {
            throw new UsageException(e.getMessage());
        }
        context.out().println("stored the service's API key (" + new ServiceKey(secret, "input").masked() + ") in "
                + source.file() + ", readable by you only");
    }

    private static void showService(CliContext context) {
        Optional<ServiceKey> key;
        try {
            key = new ServiceKeySource(context.dataDir(), System.getenv()).find();
        } catch (ApiException e) {
            throw new UsageException(e.getMessage());
        }
        context.out().println(key.map(k -> "the service key " + k.masked() + " comes from " + k.source())
                .orElse("no service key: set DOMAINDESK_API_KEY or run 'domaindesk api-key set-service'"));
    }

    @Override
    public String usage() {
        return "api-key create NAME | list | revoke NAME | set-service | show-service | clear-service";
    }
}
