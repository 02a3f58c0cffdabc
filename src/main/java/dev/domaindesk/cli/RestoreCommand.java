package dev.domaindesk.cli;

import dev.domaindesk.store.Backups;
import java.util.List;

/**
 * {@code restore [--list] [BACKUP]}: lists the store's backups, or puts one (the latest unless named) in place of
 * the store. Works on a damaged store: it never opens the current file.
 */
final class RestoreCommand implements Command {
    @Override
    public int run(CliContext context, List<String> args) {
        Args parsed = Args.parse(args, List.of(), List.of("--list"));
        if (parsed.positionals().size() > 1 || parsed.flag("--list") && !parsed.positionals().isEmpty()) {
            throw new UsageException("usage: " + usage());
        }
        if (!context.store().isEmbedded()) {
            context.err().println("domaindesk: restore brings back a backup of the embedded store in the data directory;"
                    + " the PostgreSQL store " + context.store().describe() + " is backed up and restored on its"
                    + " server (pg_dump, pg_restore)");
            return ExitCodes.USAGE;
        }
        Backups backups = new Backups(context.dataDir());
        List<Backups.Backup> all = backups.list();
        if (parsed.flag("--list")) {
            if (all.isEmpty()) {
                context.out().println("no backups in " + context.dataDir().resolve(Backups.DIRECTORY));
                return ExitCodes.OK;
            }
            TextTable table = new TextTable("BACKUP", "TAKEN", "BEFORE", "BYTES");
            all.forEach(b -> table.row(b.name(), b.takenAt().toString(), b.reason(), Long.toString(b.size())));
            table.print(context.out());
            return ExitCodes.OK;
        }
        Backups.Backup chosen;
        if (parsed.positionals().isEmpty()) {
            if (all.isEmpty()) {
                context.err().println("domaindesk: there is no backup in " + context.dataDir().resolve(Backups.DIRECTORY)
                        + " to restore");
                return ExitCodes.NOT_FOUND;
            }
            chosen = all.get(0);
        } else {
            String name = parsed.positionals().get(0);
            chosen = backups.find(name).orElse(null);
            if (chosen == null) {
                context.err().println("domaindesk: no backup named '" + name + "'; 'domaindesk restore --list' shows"
                        + " them");
                return ExitCodes.NOT_FOUND;
            }
        }
        Backups.Restored done = backups.restore(chosen);
        context.out().println("restored " + chosen.describe() + ": " + done.domains() + " domain(s)");
        if (done.replaced() != null) {
            context.out().println("the store it replaced is kept as " + done.replaced());
        }
        return ExitCodes.OK;
    }

    @Override
    public String usage() {
        return "restore [--list] [BACKUP]";
    }
}
