package dev.domaindesk.ui.shell;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.BackgroundExecutors;
import dev.domaindesk.app.DataDirectory;
import dev.domaindesk.app.StoreChoice;
import dev.domaindesk.store.StoreCredentials;
import dev.domaindesk.concurrent.BackgroundPriority;
import dev.domaindesk.settings.WindowPlacement;
import dev.domaindesk.settings.WindowPlacementFile;
import dev.domaindesk.ui.FxDialogService;
import dev.domaindesk.ui.FxExecutor;
import dev.domaindesk.ui.UiTasks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
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
    private static final Duration SCHEDULER_DELAY = Duration.ofSeconds(10);
    /** The application icon (assets/domaindesk.png, copied here by the build): window, desktop entry, package. */
    static final String ICON = Objects.requireNonNull(DesktopApp.class.getResource("/dev/domaindesk/ui/domaindesk.png")).toExternalForm();
    private static final String CSS = Objects.requireNonNull(DesktopApp.class.getResource("/dev/domaindesk/ui/app.css")).toExternalForm();

    private static Path dataDir;
    private static String storeOption;
    private static BackgroundExecutors executors;
    private static CompletableFuture<AppContext> context;
    private static Optional<WindowPlacement> placement = Optional.empty();
    private static volatile WindowPlacement closedAt;
    private static volatile MainWindow window;
    private static volatile long firstFrameAt;

    /** What the window says, on one line, where there is no desktop to show it on. */
    public static final String NO_DISPLAY = "no display: DomainDesk's window needs a desktop; the command line works"
            + " without one, see --help";

    /**
     * Opens the window on {@code dataDirOption} (null: the default data directory) and returns when it closes: 0, or 1
     * when there is no display to open it on.
     */
    public static int open(String dataDirOption) {
        return open(dataDirOption, null);
    }

    /** As {@link #open(String)}, on the store {@code storeOption} ({@code --store}; null: the environment's or setting's). */
    public static int open(String dataDirOption, String storeOptionGiven) {
        if (!Display.available()) {
            System.err.println(NO_DISPLAY);
            return 1;
        }
        JavaFxWarnings.silenceClassPathWarning();
        dataDir = DataDirectory.resolve(dataDirOption);
        storeOption = storeOptionGiven;
        Optional<BackgroundPriority> priority = BackgroundPriority.install(3); // before the first background thread
        executors = new BackgroundExecutors(3, 150);
        context = new CompletableFuture<>();
        placement = new WindowPlacementFile(dataDir).read();
        try {
            Application.launch(DesktopApp.class);
        } catch (RuntimeException e) {
            if (!Display.isDisplayFailure(e)) {
                throw e;
            }
            System.err.println(NO_DISPLAY);
            return 1;
        } finally {
            remember();
            priority.ifPresent(BackgroundPriority::close);
        }
        return 0;
    }

    /** The stylesheet every scene of the window uses. */
    public static String stylesheet() {
        return CSS;
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("DomainDesk");
        stage.getIcons().add(new Image(ICON));
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
        stage.setOnHiding(e -> {
            WindowPlacement at = new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                    stage.isMaximized());
            closedAt = window == null ? at : at.withSplits(window.listSplit(), window.detailsSplit());
        });
        CompletableFuture<Void> firstFrame = new CompletableFuture<>();
        Runnable firstPulse = new Runnable() {
            @Override
            public void run() {
                if (firstFrameAt == 0) {
                    firstFrameAt = System.currentTimeMillis();
                    // the store opens only now: opened beside the toolkit's start-up it competes for the same cores
                    openStore();
                    // leave the pulse first: listeners must not be removed while the scene runs them
                    Platform.runLater(() -> {
                        scene.removePostLayoutPulseListener(this);
                        firstFrame.complete(null);
                    });
                }
            }
        };
        scene.addPostLayoutPulseListener(firstPulse);
        stage.show();
        FxExecutor fx = new FxExecutor();
        // the window is built only after the "Opening…" frame is on screen, so building it never delays that frame
        context.thenApplyAsync(ctx -> ctx.settings().lastDomainId().orElse(null), executors.io())
                .thenCombine(firstFrame, (lastDomain, shown) -> lastDomain)
                .whenCompleteAsync((lastDomain, error) -> {
                    if (error != null) {
                        LOG.error("Cannot open the data directory {}", dataDir, error);
                        opening.setText("Cannot open the data directory " + dataDir + ":\n" + UiTasks.describe(error.getCause()));
                        return;
                    }
                    AppContext ctx = context.join();
                    WindowServices services = WindowComposition.from(ctx, WindowComposition.scheduler(ctx));
                    window = new MainWindow(stage, services, new UiTasks(executors.io(), fx),
                            executors.batchDelay(), new FxDialogService(stage));
                    placement.ifPresent(p -> window.restoreSplits(p.listSplit(), p.detailsSplit()));
                    scene.setRoot(window.root());
                    window.start(lastDomain);
                    startSchedulerLater(ctx, window);
                }, fx);
    }

    /**
     * Starts the background re-checker a while after the domains are listed: its first pass over a large store
     * reads every due record, and on a small machine that would compete with the window filling in.
     */
    private static void startSchedulerLater(AppContext ctx, MainWindow shown) {
        shown.whenListed(() -> CompletableFuture.delayedExecutor(SCHEDULER_DELAY.toMillis(), TimeUnit.MILLISECONDS, executors.io())
                .execute(ctx::startScheduler));
    }

    private static void openStore() {
        // no prompt here: a window's password comes from the environment or ~/.pgpass (docs/team-store.md)
        CompletableFuture.supplyAsync(() -> new AppContext(dataDir, StoreChoice.resolve(storeOption, System.getenv(), dataDir),
                        StoreCredentials.from(System.getenv(), null), Clock.systemDefaultZone(), executors), executors.io())
                .whenComplete((ctx, error) -> {
                    if (error != null) {
                        context.completeExceptionally(error);
                    } else {
                        context.complete(ctx);
                    }
                });
    }

    /** When the first frame (the window with "Opening …") was laid out, in epoch milliseconds; 0 before. */
    public static long firstFrameAt() {
        return firstFrameAt;
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
