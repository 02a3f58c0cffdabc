package dev.domaindesk.ui.shell;

import dev.domaindesk.files.ExportService;
import dev.domaindesk.files.ImportService;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainService;
import dev.domaindesk.history.ui.HistorySource;
import dev.domaindesk.providers.ProviderDetector.Detection;
import dev.domaindesk.settings.SettingsStore;
import dev.domaindesk.verification.audit.ui.Audits;
import dev.domaindesk.verification.BackgroundChecks;
import dev.domaindesk.verification.CheckStarter;
import java.time.Clock;
import java.util.function.Function;

/** The services the window uses, built once by the composition root. */
public record WindowServices(
        DomainService domains,
        ImportService importer,
        ExportService exporter,
        SettingsStore settings,
        CheckStarter checks,
        BackgroundChecks background,
        Function<DomainName, Detection> providerDetector,
        Clock clock,
        Audits audits,
        HistorySource history,
        OtherProcesses otherProcesses) {

    /** Changes to the store by other DomainDesk processes on the same data directory. */
    public interface OtherProcesses {
        /** Calls {@code changed} (on any thread) after another process changed the store. */
        void onChange(Runnable changed);

        OtherProcesses NONE = changed -> { };
    }
}
