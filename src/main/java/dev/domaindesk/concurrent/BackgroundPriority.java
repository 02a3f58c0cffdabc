package dev.domaindesk.concurrent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the window's FX and render threads have a core while a check keeps both busy: on Linux, the background
 * threads run at nice {@value #NICE}. They are DomainDesk's own, dnsjava's selector, H2's writers and the JIT
 * compiler's, found by name in {@code /proc/self/task}; a thread inherits its creator's nice value, so what they
 * start is lowered too. Java cannot set a thread's nice value itself (thread priorities are ignored on Linux), so
 * {@code renice} does it: when one of {@link BackgroundThreads}' threads starts, and every few seconds for threads
 * that libraries start. Where there is no {@code /proc} or {@code renice}, nothing changes.
 */
public final class BackgroundPriority implements AutoCloseable {
    public static final int NICE = 10;
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    /** Thread names (as {@code comm} has them: at most 15 characters) of the threads lowered. */
    private static final List<String> BACKGROUND = List.of("domaindesk-", "dnsjava", "H2-", "MVStore", "C1 Compiler", "C2 Compiler");
    private static final Path TASKS = Path.of("/proc/self/task");
    private static volatile BackgroundPriority installed;

    private final String renice;
    private final ScheduledExecutorService sweeper;
    /** "tid name" of the threads lowered so far (a thread id can be reused by a later thread). */
    private final Set<String> lowered = new HashSet<>();

    private BackgroundPriority(String renice) {
        this.renice = renice;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("domaindesk-priority"));
    }

    /** Starts lowering background threads, now and every {@code seconds}; empty where that is not possible. */
    public static synchronized Optional<BackgroundPriority> install(long seconds) {
        Optional<String> renice = Stream.of("/usr/bin/renice", "/bin/renice").filter(p -> Files.isExecutable(Path.of(p))).findFirst();
        if (installed != null || !Files.isDirectory(TASKS) || renice.isEmpty()) {
            return Optional.empty();
        }
        BackgroundPriority priority = new BackgroundPriority(renice.get());
        installed = priority;
        priority.sweeper.scheduleWithFixedDelay(priority::sweep, 0, seconds, TimeUnit.SECONDS);
        return Optional.of(priority);
    }

    /** A thread of {@link BackgroundThreads} started: lower it now rather than at the next sweep. */
    static void threadStarted() {
        BackgroundPriority priority = installed;
        if (priority != null) {
            try {
                priority.sweeper.execute(priority::sweep);
            } catch (RejectedExecutionException closing) {
                // closed meanwhile: nothing to lower any more
            }
        }
    }

    /** Lowers the background threads not lowered yet; returns their thread ids. */
    synchronized List<String> sweep() {
        Set<String> alive = new HashSet<>();
        List<String> lower = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                String name = comm(task);
                String key = task.getFileName() + " " + name;
                alive.add(key);
                if (BACKGROUND.stream().anyMatch(name::startsWith) && !lowered.contains(key)) {
                    lower.add(task.getFileName().toString());
                    lowered.add(key);
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not list this process's threads: {}", e.toString());
            return List.of();
        }
        lowered.retainAll(alive);
        if (!lower.isEmpty()) {
            run(lower);
        }
        return lower;
    }

    private void run(List<String> threadIds) {
        List<String> command = new ArrayList<>(List.of(renice, "-n", Integer.toString(NICE), "-p"));
        command.addAll(threadIds);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                LOG.debug("renice of threads {} did not succeed", threadIds);
            }
        } catch (IOException e) {
            LOG.debug("Could not run renice: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }

    @Override
    public void close() {
        synchronized (BackgroundPriority.class) {
            if (installed == this) {
                installed = null;
            }
        }
        sweeper.shutdownNow();
    }
}
