package dev.domaindesk.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real threads, real {@code renice}, nice values read back from {@code /proc} (Linux, as CI runs). */
class BackgroundPriorityTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private Optional<BackgroundPriority> priority = Optional.empty();

    @AfterEach
    void tearDown() {
        release.countDown();
        priority.ifPresent(BackgroundPriority::close);
    }

    /** Starts a thread that stays alive until the test ends; returns its Linux thread id. */
    private String parked(Thread thread, CompletableFuture<String> tid) throws Exception {
        thread.setDaemon(true);
        thread.start();
        return tid.get(5, TimeUnit.SECONDS);
    }

    private Runnable reportTidThenPark(CompletableFuture<String> tid) {
        return () -> {
            try {
                tid.complete(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
                release.await();
            } catch (Exception e) {
                tid.completeExceptionally(e);
            }
        };
    }

    private static int nice(String tid) throws Exception {
        String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]); // field 19 of stat: after pid and (comm), the 17th
    }

    private static int awaitNice(String tid, int wanted) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int now = nice(tid);
        while (now != wanted && System.nanoTime() < until) {
            Thread.sleep(20);
            now = nice(tid);
        }
        return now;
    }

    @Test
    void backgroundThreadsAreLoweredWhenTheyStartOthersAreNot() throws Exception {
        priority = BackgroundPriority.install(3600);
        assertTrue(priority.isPresent(), "needs /proc and renice (Linux)");
        CompletableFuture<String> ours = new CompletableFuture<>();
        CompletableFuture<String> other = new CompletableFuture<>();
        String ourTid = parked(BackgroundThreads.named("domaindesk-test").newThread(reportTidThenPark(ours)), ours);
        String otherTid = parked(new Thread(reportTidThenPark(other), "someone-else"), other);
        int before = nice(otherTid);

        assertEquals(BackgroundPriority.NICE, awaitNice(ourTid, BackgroundPriority.NICE), "lowered as it started");
        assertEquals(before, nice(otherTid), "a thread with another name keeps its priority");
    }

    @Test
    void librariesThreadsAreLoweredBySweepsOnce() throws Exception {
        CompletableFuture<String> tid = new CompletableFuture<>();
        String selector = parked(new Thread(reportTidThenPark(tid), "dnsjava NIO selector"), tid);
        priority = BackgroundPriority.install(3600);
        assertTrue(priority.isPresent(), "needs /proc and renice (Linux)");

        assertEquals(BackgroundPriority.NICE, awaitNice(selector, BackgroundPriority.NICE), "lowered by the first sweep");
        assertFalse(priority.get().sweep().contains(selector), "and not again");
    }

    @Test
    void afterCloseNewThreadsKeepTheirPriority() throws Exception {
        priority = BackgroundPriority.install(3600);
        priority.orElseThrow().close();
        CompletableFuture<String> tid = new CompletableFuture<>();
        String late = parked(BackgroundThreads.named("domaindesk-late").newThread(reportTidThenPark(tid)), tid);
        Thread.sleep(300);
        String creator = Path.of("/proc/thread-self").toRealPath().getFileName().toString();
        assertEquals(nice(creator), nice(late), "as its creator's");
    }
}
