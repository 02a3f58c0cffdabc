package dev.domaindesk.ui.shell;

import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.ui.AddDomainDialog;
import dev.domaindesk.domains.ui.AddDomainViewModel;
import dev.domaindesk.domains.ui.DomainListView;
import dev.domaindesk.domains.ui.DomainListViewModel;
import dev.domaindesk.domains.ui.DomainPaneView;
import dev.domaindesk.domains.ui.DomainPaneViewModel;
import dev.domaindesk.domains.ui.RecordsView;
import dev.domaindesk.domains.ui.RecordsViewModel;
import dev.domaindesk.domains.ui.SelectedDomain;
import dev.domaindesk.history.ui.HistoryView;
import dev.domaindesk.history.ui.HistoryViewModel;
import dev.domaindesk.settings.Settings;
import dev.domaindesk.settings.ui.SettingsDialog;
import dev.domaindesk.settings.ui.SettingsViewModel;
import dev.domaindesk.ui.AppState;
import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.ControlsFxNotifier;
import dev.domaindesk.ui.DialogService;
import dev.domaindesk.ui.FxClipboardService;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.verification.audit.ui.AuditView;
import dev.domaindesk.verification.audit.ui.AuditViewModel;
import dev.domaindesk.verification.ui.WindowChecks;
import dev.domaindesk.verification.ui.StatusBarView;
import dev.domaindesk.verification.ui.StatusBarViewModel;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** Builds the main window's scene graph: view models by constructor, views bound to them, menu and shortcuts. */
public final class MainWindow {
    private final Stage stage;
    private final WindowServices services;
    private final UiTasks tasks;
    private final AppState state = new AppState();
    private final DomainListViewModel list;
    private final RecordsViewModel records;
    private final DomainPaneViewModel pane;
    private final StatusBarViewModel status;
    private final ImportExportViewModel transfer;
    private final DomainListView listView;
    private final RecordsView recordsView;
    private final BorderPane root = new BorderPane();
    private final SplitPane split;
    /** True once the list's split was placed (remembered, or fitted to the names once): it is then the admin's. */
    private boolean listSplitPlaced;
    private final ControlsFxNotifier notifier;

    /** @param delayed runs a task after the batching delay (results are applied at most every ~150 ms) */
    public MainWindow(Stage stage, WindowServices services, UiTasks tasks, Executor delayed, DialogService dialogs) {
        this.stage = stage;
        this.services = services;
        this.tasks = tasks;
        CheckFeed feed = new CheckFeed();
        WindowChecks runner = new WindowChecks(services.checks(), services.background(), feed, delayed, tasks);
        notifier = new ControlsFxNotifier(stage);
        list = new DomainListViewModel(services.domains(), tasks, state, feed, dialogs, notifier, services.clock());
        SelectedDomain selected = new SelectedDomain(services.domains(), tasks, state, feed);
        records = new RecordsViewModel(selected, feed, new FxClipboardService());
        pane = new DomainPaneViewModel(selected, runner, tasks, services.clock(), services.providerDetector());
        status = new StatusBarViewModel(runner, services.domains(), tasks, services.clock(), feed, state.runOutcome());
        transfer = new ImportExportViewModel(services.importer(), services.exporter(), tasks, dialogs, state,
                id -> list.row(id).map(r -> r.domain().name().ascii()), notifier);

        listView = new DomainListView(list, state);
        recordsView = new RecordsView(records, services.clock());
        Label nothing = new Label("Select a domain on the left, or add one with Ctrl+N.");
        StackPane empty = new StackPane(nothing);
        empty.getStyleClass().add("empty-pane");
        AuditViewModel audit = new AuditViewModel(selected.domainProperty(), services.audits(), tasks);
        HistoryViewModel history = new HistoryViewModel(selected.domainProperty(), selected.records(),
                Bindings.createObjectBinding(() -> records.selectedProperty().get() == null ? null
                        : records.selectedProperty().get().record(), records.selectedProperty()),
                services.history(), tasks, services.clock());
        VBox right = new VBox(new DomainPaneView(pane), new AuditView(audit), new HistoryView(history), recordsView);
        VBox.setVgrow(recordsView, javafx.scene.layout.Priority.ALWAYS);
        right.visibleProperty().bind(state.selectedDomainIdProperty().isNotNull());
        empty.visibleProperty().bind(right.visibleProperty().not());
        split = new SplitPane(listView, new StackPane(empty, right));
        split.setId("mainSplit");
        split.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(listView, false);

        root.setId("mainWindow");
        root.setTop(new MainMenu(this).bar());
        root.setCenter(split);
        root.setBottom(new StatusBarView(status));
        state.themeProperty().addListener((obs, old, theme) -> applyTheme(theme));
        // a command, serve or another window changed the store: the lists and the selected domain reload
        services.otherProcesses().onChange(() -> tasks.fx(state::storeChanged));
        state.resolversProperty().addListener((obs, old, now) -> pane.resolversChanged());
    }

    public Parent root() {
        return root;
    }

    /** Loads the domains and settings in the background; selects {@code lastDomainId} when it still exists. */
    public void start(String lastDomainId) {
        state.selectedDomainIdProperty().set(lastDomainId);
        list.load();
        tasks.run(() -> services.settings().load().theme(), state.themeProperty()::set, e -> { });
        new Shortcuts(this).install(stage.getScene());
        // once the list is shown, what the first check and notification would load on the FX thread: icon sets,
        // time-zone names and the records' equals (ColdStart) on a background thread, then a notification bar off-screen
        whenListed(() -> {
            fitListSplit();
            Domain sample = list.visible().isEmpty() ? null : list.visible().get(0).domain();
            tasks.run(() -> ColdStart.load(services.domains(), sample), icons -> notifier.warmUp(), e -> { });
        });
    }

    /** Where the admin left the splits (window.txt), or negative for the defaults. */
    public void restoreSplits(double list, double details) {
        if (list > 0) {
            split.setDividerPositions(list);
            listSplitPlaced = true;
        }
        if (details > 0) {
            recordsView.setDividerPositions(details);
        }
    }

    public double listSplit() {
        return split.getDividers().get(0).getPosition();
    }

    public double detailsSplit() {
        return recordsView.getDividers().get(0).getPosition();
    }

    /**
     * The first time, the list is made as wide as its longest names need (a name cut to "…" is one the admin cannot
     * read), within a quarter to two fifths of the window.
     */
    private void fitListSplit() {
        if (listSplitPlaced || split.getWidth() <= 0) {
            return;
        }
        listSplitPlaced = true;
        double need = listView.widthFor(list.visible());
        double fraction = Math.min(0.4, Math.max(0.2, need / split.getWidth()));
        split.setDividerPositions(fraction);
    }

    /** Runs {@code then} once, on the FX thread, when the domain list has been shown for the first time. */
    void whenListed(Runnable then) {
        if (list.loadedProperty().get()) {
            then.run();
            return;
        }
        list.loadedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean old, Boolean loaded) {
                if (loaded) {
                    obs.removeListener(this);
                    then.run();
                }
            }
        });
    }

    private void applyTheme(Settings.Theme theme) {
        root.getStyleClass().remove("dark");
        if (theme == Settings.Theme.DARK) {
            root.getStyleClass().add("dark");
        }
    }

    void addDomain() {
        AddDomainViewModel vm = new AddDomainViewModel(services.domains(), tasks, services.domains().profileNames());
        new AddDomainDialog(stage, vm).ask().ifPresent(added -> list.added(added.domain()));
    }

    void openSettings() {
        new SettingsDialog(stage, new SettingsViewModel(services.settings(), tasks, state)).showAndWait();
    }

    void focusSearch() {
        listView.focusSearch();
    }

    public String selectedDomainId() {
        return state.selectedDomainId();
    }

    Stage stage() {
        return stage;
    }

    DomainListViewModel list() {
        return list;
    }

    RecordsViewModel records() {
        return records;
    }

    DomainPaneViewModel pane() {
        return pane;
    }

    StatusBarViewModel status() {
        return status;
    }

    ImportExportViewModel transfer() {
        return transfer;
    }

    DomainListView listView() {
        return listView;
    }

    RecordsView recordsView() {
        return recordsView;
    }
}
