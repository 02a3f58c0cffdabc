package dev.domaindesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The executors the app owns: named daemon threads, bounded, shut down once with the app. */
class BackgroundExecutorsTest {
    @Test
    void spfRunsOnAtMostTwoNamedDaemonThreadsUntilClosed() throws Exception {
        BackgroundExecutors executors = new BackgroundExecutors(1, 10);
        List<Thread> started = new CopyOnWriteArrayList<>();
        CountDownLatch twoStarted = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch allDone = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            executors.spf().execute(() -> {
                started.add(Thread.currentThread());
                twoStarted.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                allDone.countDown();
            });
        }
        assertTrue(twoStarted.await(30, TimeUnit.SECONDS));
        assertEquals(2, started.size(), "the third waits for a thread: the pool is bounded");
        release.countDown();
        assertTrue(allDone.await(30, TimeUnit.SECONDS));
        assertTrue(started.stream().allMatch(t -> t.getName().equals("domaindesk-spf") && t.isDaemon()));

        executors.close();
        assertThrows(RejectedExecutionException.class, () -> executors.spf().execute(() -> { }));
        assertThrows(RejectedExecutionException.class, () -> executors.scheduler().execute(() -> { }));
    }

    @Test
    void checkRunWritersAndPoolsTakenOverAreNamedAndShutDownWithTheRest() throws Exception {
        BackgroundExecutors executors = new BackgroundExecutors(1, 10);
        java.util.concurrent.ExecutorService serverPool = executors.own(
                dev.domaindesk.api.server.ApiServer.workers(1));
        List<String> names = new CopyOnWriteArrayList<>();
        CountDownLatch ran = new CountDownLatch(2);
        executors.checkStore().execute(() -> {
            names.add(Thread.currentThread().getName());
            ran.countDown();
        });
        serverPool.execute(() -> {
            names.add(Thread.currentThread().getName());
            ran.countDown();
        });
        assertTrue(ran.await(30, TimeUnit.SECONDS));
        assertTrue(names.contains("domaindesk-check-store"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("api-server-")), names.toString());

        executors.close();
        assertThrows(RejectedExecutionException.class, () -> executors.checkStore().execute(() -> { }));
        assertTrue(serverPool.isShutdown(), "a pool taken over is shut down with the app's");
    }

    /** The window's one set of executors: its context uses them and leaves shutting them down to the window. */
    @Test
    void aContextOnTheCallersExecutorsLeavesThemRunning(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        BackgroundExecutors executors = new BackgroundExecutors(1, 10);
        AppContext app = new AppContext(dir, java.time.Clock.systemUTC(), executors);
        app.close();
        CountDownLatch ran = new CountDownLatch(1);
        executors.io().execute(ran::countDown);
        assertTrue(ran.await(30, TimeUnit.SECONDS), "still the window's to use until it closes them");
        executors.close();
        assertThrows(RejectedExecutionException.class, () -> executors.io().execute(() -> { }));
    }

    @Test
    void closingTheAppShutsItsExecutorsDownOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        AppContext app = new AppContext(dir, java.time.Clock.systemUTC());
        app.close();
        app.close(); // a stopped command closes it twice: the second does nothing
    }
}
