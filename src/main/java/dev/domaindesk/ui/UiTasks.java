package dev.domaindesk.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one async style of the window: work on the background executor, the outcome on the FX executor.
 * Tests pass {@code Runnable::run} for both and get deterministic, synchronous view models.
 */
public final class UiTasks {
    private static final Logger LOG = LoggerFactory.getLogger(UiTasks.class);

    private final Executor background;
    private final Executor fx;

    public UiTasks(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    public static UiTasks synchronous() {
        return new UiTasks(Runnable::run, Runnable::run);
    }

    public <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        CompletableFuture<T> started;
        try {
            started = CompletableFuture.supplyAsync(work, background);
        } catch (RejectedExecutionException e) {
            LOG.debug("Background executor is shut down; dropping a task", e);
            return;
        }
        started.whenCompleteAsync((result, error) -> {
            if (error == null) {
                onSuccess.accept(result);
            } else {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                LOG.debug("Background task failed", cause);
                onFailure.accept(cause);
            }
        }, fx);
    }

    public void fx(Runnable r) {
        fx.execute(r);
    }

    public Executor background() {
        return background;
    }

    public Executor fxExecutor() {
        return fx;
    }

    /** A message for an admin: the exception's own message, or its type when it has none. */
    public static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
