package dev.domaindesk.ui.shell;

import dev.domaindesk.domains.Counted;
import dev.domaindesk.files.ExportFiles;
import dev.domaindesk.files.ExportFormat;
import dev.domaindesk.files.ExportService;
import dev.domaindesk.files.ImportService;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.ui.AppState;
import dev.domaindesk.ui.DialogService;
import dev.domaindesk.ui.Notifier;
import dev.domaindesk.ui.UiTasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The Import / Export menu: file choosers, the work in the background, and clear error dialogs. */
public final class ImportExportViewModel {
    private final ImportService importer;
    private final ExportService exporter;
    private final UiTasks tasks;
    private final DialogService dialogs;
    private final AppState state;
    private final java.util.function.Function<String, Optional<String>> domainName;
    private final Notifier notifier;

    public ImportExportViewModel(ImportService importer, ExportService exporter, UiTasks tasks, DialogService dialogs,
                                 AppState state) {
        this(importer, exporter, tasks, dialogs, state, id -> Optional.empty(), null);
    }

    /**
     * @param domainName the name of a listed domain by id (the zone export's suggested file name)
     * @param notifier   where a finished export is reported (a note, not a box to close); null: a dialog
     */
    public ImportExportViewModel(ImportService importer, ExportService exporter, UiTasks tasks, DialogService dialogs,
                                 AppState state, java.util.function.Function<String, Optional<String>> domainName,
                                 Notifier notifier) {
        this.domainName = domainName;
        this.notifier = notifier;
        this.importer = importer;
        this.exporter = exporter;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.state = state;
    }

    /** Imports the service's JSON; all or nothing, so a bad file changes nothing and says why. */
    public void importJson() {
        Optional<Path> file = dialogs.chooseFileToOpen("Import domains", "The service's JSON", "*.json");
        file.ifPresent(path -> tasks.run(() -> importer.importFile(path), summary -> {
            state.storeChanged();
            dialogs.info("Import finished", capitalise(summary.toString()) + " from " + path.getFileName() + ".");
        }, e -> dialogs.error("Import failed", UiTasks.describe(e))));
    }

    public void exportAll(ExportFormat format) {
        String ext = format == ExportFormat.JSON ? "json" : "csv";
        dialogs.chooseFileToSave("Export all domains", "domaindesk." + ext, ext.toUpperCase(), "*." + ext)
                .ifPresent(path -> export(List.of(), format, false, path));
    }

    /** A zone-file snippet of the selected domain, ready to paste into a BIND-style zone. */
    public void exportSelectedZone() {
        String id = state.selectedDomainId();
        if (id == null) {
            dialogs.error("Export zone snippet", "Select a domain first.");
            return;
        }
        String suggested = domainName.apply(id).map(n -> n + ".zone").orElse("domain.zone");
        dialogs.chooseFileToSave("Export zone snippet", suggested, "Zone file", "*.zone", "*.txt")
                .ifPresent(path -> export(List.of(id), ExportFormat.ZONE, true, path));
    }

    private void export(List<String> ids, ExportFormat format, boolean single, Path path) {
        tasks.run(() -> {
            List<DomainWithRecords> selection = exporter.select(ids);
            writeAtomically(path, out -> exporter.write(selection, format, single, false, out));
            return selection.size();
        }, count -> {
            String wrote = "Wrote " + Counted.of(count, "domain") + " to " + path + ".";
            if (notifier != null) {
                notifier.good("Export finished", wrote);
            } else {
                dialogs.info("Export finished", wrote);
            }
        },
                e -> dialogs.error("Export failed", "Could not write " + path + ": " + UiTasks.describe(e)));
    }

    private interface WriteAction {
        void write(Writer out) throws IOException;
    }

    /** Writes whole or not at all ({@link ExportFiles}). */
    private static void writeAtomically(Path target, WriteAction action) {
        try {
            ExportFiles.write(target, action::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
