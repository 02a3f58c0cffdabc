package dev.domaindesk.verification;

import java.util.Collection;

/**
 * Starts check runs with the stored options: {@link CheckService} itself, or the window's, which holds the
 * background re-checker while its run goes on. Starting reads the store: never on the FX thread.
 */
@FunctionalInterface
public interface CheckStarter {

    CheckRun start(Collection<String> domainIds, CheckListener listener);

    /**
     * These runs call {@code hold} before they start and {@code release} once they end (before their
     * {@link CheckEvent.Finished} reaches the listener), or when they could not start.
     */
    static CheckStarter holding(CheckStarter starter, Runnable hold, Runnable release) {
        return (domainIds, listener) -> {
            hold.run();
            try {
                return starter.start(domainIds, event -> {
                    if (event instanceof CheckEvent.Finished) {
                        release.run();
                    }
                    listener.on(event);
                });
            } catch (RuntimeException | Error e) {
                release.run();
                throw e;
            }
        };
    }
}
