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

/** The SPF executor the app owns: named daemon threads, at most two at once, shut down once with the app. */
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
    void closingTheAppShutsItsExecutorsDownOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        AppContext app = new AppContext(dir, java.time.Clock.systemUTC());
        app.close();
        app.close(); // a stopped command closes it twice: the second does nothing
    }
}
