package dev.domaindesk.verification;

/** Hears a check run's events. Called on DNS or storage threads: a window hands them over to its own thread. */
@FunctionalInterface
public interface CheckListener {
    CheckListener NONE = event -> { };

    void on(CheckEvent event);
}
