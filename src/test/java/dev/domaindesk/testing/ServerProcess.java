package dev.domaindesk.testing;

import java.util.concurrent.TimeUnit;

/**
 * A test server's child process, killed when the test JVM dies early (a shutdown hook) and stopped politely, then
 * forcibly, on {@link #close()}: no orphaned server survives a test run.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Thread reaper;

    ServerProcess(Process process, String name) {
        this.process = process;
        this.reaper = new Thread(process::destroyForcibly, name + "-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
