package dev.domaindesk.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Samples the FX thread's stack every 2 ms (on with {@code -Dbench.profileGaps=true}), to tell what the FX thread
 * ran during a long frame gap. A diagnostic: sampling stops the thread at safepoints, so timings shift a little.
 */
final class GapProfiler {
    private record Sample(Instant at, StackTraceElement[] stack) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean running;
    private Thread sampler;

    /** FX thread: starts sampling the calling thread. */
    void start() {
        Thread fx = Thread.currentThread();
        running = true;
        sampler = new Thread(() -> {
            while (running) {
                StackTraceElement[] stack = fx.getStackTrace();
                synchronized (samples) {
                    samples.add(new Sample(Instant.now(), stack));
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gap-profiler");
        sampler.setDaemon(true);
        sampler.start();
    }

    void stop() {
        running = false;
        String dump = System.getProperty("bench.profileDump"); // every sample's whole stack, to read offline
        if (dump != null) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(dump)))) {
                synchronized (samples) {
                    Instant first = samples.isEmpty() ? Instant.now() : samples.get(0).at();
                    for (Sample s : samples) {
                        out.println("@ " + Duration.between(first, s.at()).toNanos() / 1_000_000.0);
                        for (StackTraceElement e : s.stack()) {
                            out.println("  " + e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The most frequent stacks (their top frames, idle waits left out) sampled between two instants. */
    String during(Instant from, Instant to) {
        List<Sample> in;
        synchronized (samples) {
            in = samples.stream().filter(s -> !s.at().isBefore(from) && !s.at().isAfter(to)).toList();
        }
        Map<String, Long> counts = in.stream().map(s -> signature(s.stack()))
                .filter(sig -> !sig.isEmpty())
                .collect(Collectors.groupingBy(sig -> sig, LinkedHashMap::new, Collectors.counting()));
        StringBuilder out = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(6)
                .forEach(e -> out.append(String.format("      %3d × %s%n", e.getValue(), e.getKey())));
        return out.toString();
    }

    /** The first project frame (or the top frame) and the frames above it, shortened; empty when the thread is idle. */
    private static String signature(StackTraceElement[] stack) {
        if (stack.length == 0 || isIdle(stack[0])) {
            return "";
        }
        int own = 0;
        while (own < stack.length && !stack[own].getClassName().startsWith("dev.domaindesk")) {
            own++;
        }
        int top = Math.min(own < stack.length ? own + 1 : 8, stack.length);
        List<String> frames = Arrays.stream(stack, 0, Math.min(top, 8)).map(GapProfiler::shortName).toList();
        return String.join(" < ", frames);
    }

    private static boolean isIdle(StackTraceElement top) {
        return top.getMethodName().equals("_runLoop") || top.getMethodName().startsWith("park")
                || top.getMethodName().equals("wait") || top.getMethodName().equals("waitForRenderingToComplete");
    }

    private static String shortName(StackTraceElement e) {
        String cls = e.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + e.getMethodName();
    }
}
