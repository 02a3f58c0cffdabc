package dev.domaindesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.files.ExportFormat;
import dev.domaindesk.files.ExportService;
import dev.domaindesk.files.ImportService;
import dev.domaindesk.ui.AppState;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.Fixtures;
import dev.domaindesk.ui.testing.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportViewModelTest {
    @TempDir
    Path dir;

    private final Fixtures f = new Fixtures();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final AppState state = new AppState();
    private final ImportExportViewModel vm = new ImportExportViewModel(new ImportService(f.repository, f.clock),
            new ExportService(f.domains, f.repository), UiTasks.synchronous(), dialogs, state);

    @Test
    void aBadImportShowsAnErrorAndChangesNothing() throws Exception {
        f.add("example.com");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"domainId\": \"dom_1\", \"domain\": \"not a domain\", \"records\": []}");
        dialogs.fileAnswer = bad;
        vm.importJson();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("bad.json"), dialogs.errors.get(0));
        assertEquals(1, f.repository.findAll().size());
        assertEquals(0, state.storeRevisionProperty().get());
    }

    @Test
    void anExportThenReimportRoundTripsAndTellsTheListToReload() throws Exception {
        f.add("example.com");
        Path out = dir.resolve("all.json");
        dialogs.fileAnswer = out;
        vm.exportAll(ExportFormat.JSON);
        assertTrue(Files.readString(out).contains("\"domain\" : \"example.com\"") || Files.readString(out).contains("example.com"));
        vm.importJson();
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertEquals(1, state.storeRevisionProperty().get());
        assertEquals(1, f.repository.findAll().size());
    }

    /** The zone export suggests the domain's own name, and a finished export is a note, not a box to close. */
    @Test
    void aZoneExportSuggestsTheDomainsNameAndEndsInANotification() throws Exception {
        var added = f.add("shop.example.org");
        dev.domaindesk.ui.testing.RecordingNotifier notifier = new dev.domaindesk.ui.testing.RecordingNotifier();
        ImportExportViewModel named = new ImportExportViewModel(new ImportService(f.repository, f.clock),
                new ExportService(f.domains, f.repository), UiTasks.synchronous(), dialogs, state,
                id -> id.equals(added.domain().id()) ? java.util.Optional.of("shop.example.org") : java.util.Optional.empty(), notifier);
        state.selectedDomainIdProperty().set(added.domain().id());
        dialogs.fileAnswer = dir.resolve("out.zone");
        named.exportSelectedZone();
        assertEquals(java.util.List.of("shop.example.org.zone"), dialogs.suggestedNames);
        assertTrue(dialogs.infos.isEmpty(), "no modal box");
        assertEquals(1, notifier.good.size());
    }

    @Test
    void aZoneSnippetNeedsASelectedDomain() {
        vm.exportSelectedZone();
        assertEquals(1, dialogs.errors.size());
    }
}
