package dev.domaindesk.ui;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.BackgroundExecutors;
import dev.domaindesk.app.DataDirectory;
import dev.domaindesk.settings.WindowPlacement;
import dev.domaindesk.settings.WindowPlacementFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: the DomainDesk window over one data directory. The database opens on a background
 * thread while the toolkit starts; the window shows at once and fills in when the data is ready.
 */
public class DesktopApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);
    private static final String CSS = Objects.requireNonNull(DesktopApp.class.getResource("app.css")).toExternalForm();

    private static Path dataDir;
    private static BackgroundExecutors executors;
    private static CompletableFuture<AppContext> context;
    private static Optional<WindowPlacement> placement = Optional.empty();
    private static volatile WindowPlacement closedAt;
    private static volatile MainWindow window;

    /** Opens the window on {@code dataDirOption} (null: the default data directory) and returns when it closes. */
    public static void open(String dataDirOption) {
        dataDir = DataDirectory.resolve(dataDirOption);
        executors = new BackgroundExecutors(3, 150);
        context = CompletableFuture.supplyAsync(() -> new AppContext(dataDir, Clock.systemDefaultZone()), executors.io());
        placement = new WindowPlacementFile(dataDir).read();
        try {
            Application.launch(DesktopApp.class);
        } finally {
            remember();
        }
    }

    /** The stylesheet every scene of the window uses. */
    public static String stylesheet() {
        return CSS;
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("DomainDesk");
        Label opening = new Label("Opening " + dataDir + " …");
        Scene scene = new Scene(new StackPane(opening), 1180, 740);
        scene.getStylesheets().add(CSS);
        stage.setScene(scene);
        placement.ifPresent(p -> {
            stage.setX(p.x());
            stage.setY(p.y());
            stage.setWidth(p.width());
            stage.setHeight(p.height());
            stage.setMaximized(p.maximized());
        });
        stage.setOnHiding(e -> closedAt = new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized()));
        stage.show();
        FxExecutor fx = new FxExecutor();
        context.thenApplyAsync(ctx -> ctx.settings().lastDomainId().orElse(null), executors.io())
                .whenCompleteAsync((lastDomain, error) -> {
                    if (error != null) {
                        LOG.error("Cannot open the data directory {}", dataDir, error);
                        opening.setText("Cannot open the data directory " + dataDir + ":\n" + UiTasks.describe(error.getCause()));
                        return;
                    }
                    AppContext ctx = context.join();
                    WindowServices services = WindowComposition.from(ctx, executors.io(), WindowComposition.scheduler(ctx));
                    window = new MainWindow(stage, services, new UiTasks(executors.io(), fx),
                            executors.batchDelay(), new FxDialogService(stage));
                    scene.setRoot(window.root());
                    window.start(lastDomain);
                    ctx.startScheduler();
                }, fx);
    }

    /** After the toolkit exits (on the launching thread): remember placement and selection, close the store. */
    private static void remember() {
        if (closedAt != null) {
            new WindowPlacementFile(dataDir).write(closedAt);
        }
        AppContext ctx = context.isDone() && !context.isCompletedExceptionally() ? context.join() : null;
        if (ctx != null) {
            try {
                if (window != null) {
                    ctx.settings().saveLastDomainId(window.selectedDomainId());
                }
            } finally {
                ctx.close();
            }
        }
        executors.close();
    }
}
