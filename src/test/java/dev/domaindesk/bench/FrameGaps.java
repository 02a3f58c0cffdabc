package dev.domaindesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.animation.AnimationTimer;
import jdk.jfr.consumer.RecordingStream;

/**
 * The gaps between frames while something runs, each split into what stopped or used the FX thread: garbage
 * collection pauses (every G1 pause, from JFR's {@code jdk.GCPhasePause}, remark and cleanup included), the FX
 * thread's own CPU time, the render thread's (Prism paints the previous frame there; the next pulse waits for it),
 * the X server's (10 ms ticks: it draws what the window uploads), and the rest (runnable but no CPU, or blocked).
 */
final class FrameGaps {
    private record Gap(Instant start, Instant end, long fxCpuNanos, long renderCpuNanos, long xServerCpuMillis) {
        long millis() {
            return Duration.between(start, end).toMillis();
        }
    }

    private record Pause(Instant start, Duration length) {
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Long> allGapsMicros = new ArrayList<>();
    private final List<Gap> longGaps = new ArrayList<>();
    private final List<Pause> pauses = Collections.synchronizedList(new ArrayList<>());
    private final RecordingStream gcEvents = new RecordingStream();
    private final GapProfiler profiler = Boolean.getBoolean("bench.profileGaps") ? new GapProfiler() : null;
    private Instant last;
    private Instant started;
    private long startCpu;
    /** FX thread CPU in the first half second (the check's start: the window's first "checking" frames). */
    private long startupCpuNanos = -1;
    private long lastCpu;
    private long lastRenderCpu;
    private long lastXServerCpu;
    private final Path xServerStat = ProcessHandle.allProcesses()
            .filter(p -> p.info().command().map(c -> c.endsWith("/Xvfb") || c.endsWith("/Xorg")).orElse(false))
            .findFirst().map(p -> Path.of("/proc", Long.toString(p.pid()), "stat")).orElse(null);
    private final long renderThread = Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst().orElse(-1);
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Instant t = Instant.now();
            long cpu = threads.getCurrentThreadCpuTime();
            long renderCpu = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread);
            long xServerCpu = xServerCpuMillis();
            if (last != null) {
                long micros = Duration.between(last, t).toNanos() / 1000;
                allGapsMicros.add(micros);
                if (micros > 50_000) {
                    longGaps.add(new Gap(last, t, cpu - lastCpu, renderCpu - lastRenderCpu, xServerCpu - lastXServerCpu));
                }
            }
            if (startupCpuNanos < 0 && Duration.between(started, t).toMillis() >= 500) {
                startupCpuNanos = cpu - startCpu;
            }
            last = t;
            lastCpu = cpu;
            lastRenderCpu = renderCpu;
            lastXServerCpu = xServerCpu;
        }
    };

    FrameGaps() {
        gcEvents.enable("jdk.GCPhasePause").withThreshold(Duration.ZERO);
        gcEvents.onEvent("jdk.GCPhasePause", e -> pauses.add(new Pause(e.getStartTime(), e.getDuration())));
        gcEvents.startAsync();
    }

    /** The X server's CPU time (it draws what the window uploads), in clock ticks of 10 ms; 0 when not found. */
    private long xServerCpuMillis() {
        if (xServerStat == null) {
            return 0;
        }
        try {
            String stat = Files.readString(xServerStat);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** FX thread. */
    void start() {
        started = Instant.now();
        startCpu = threads.getCurrentThreadCpuTime();
        timer.start();
        if (profiler != null) {
            profiler.start();
        }
    }

    /** FX thread. */
    void stop() {
        timer.stop();
        if (profiler != null) {
            profiler.stop();
        }
    }

    /** A summary; call after {@link #stop()} (waits a moment for JFR to deliver the last pauses). */
    String report() throws InterruptedException {
        Thread.sleep(1500);
        gcEvents.close();
        List<Long> sorted = allGapsMicros.stream().sorted().toList();
        Gap longest = longGaps.stream().max((a, b) -> Long.compare(a.millis(), b.millis())).orElse(null);
        StringBuilder out = new StringBuilder();
        out.append(String.format("frames: %d; gap median %.1f ms, 99th percentile %.1f ms, longest %.1f ms; gaps over 50 ms: %d, over 100 ms: %d%n",
                sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0,
                longGaps.size(), longGaps.stream().filter(g -> g.millis() > 100).count()));
        if (longest != null) {
            out.append("longest FX frame gap: ").append(describe(longest)).append('\n');
        }
        List<Gap> worst = longGaps.stream().sorted((a, b) -> Long.compare(b.millis(), a.millis())).limit(10).toList();
        out.append("ten longest: ").append(worst.stream().map(this::describe).toList()).append('\n');
        long gcTotal = pauses.stream().mapToLong(p -> p.length().toMillis()).sum();
        long gcMax = pauses.stream().mapToLong(p -> p.length().toMillis()).max().orElse(0);
        out.append(String.format("FX thread CPU in the first 0.5 s: %d ms%n", startupCpuNanos / 1_000_000));
        out.append(String.format("GC pauses: %d, %d ms in all, longest %d ms", pauses.size(), gcTotal, gcMax));
        if (profiler != null) {
            for (Gap g : worst) {
                out.append("\n  ").append(describe(g)).append(", the FX thread sampled in:\n")
                        .append(profiler.during(g.start(), g.end()));
            }
        }
        return out.toString();
    }

    private String describe(Gap g) {
        long gc = 0;
        synchronized (pauses) {
            for (Pause p : pauses) {
                Instant end = p.start().plus(p.length());
                Instant from = p.start().isAfter(g.start()) ? p.start() : g.start();
                Instant to = end.isBefore(g.end()) ? end : g.end();
                if (to.isAfter(from)) {
                    gc += Duration.between(from, to).toMillis();
                }
            }
        }
        return String.format("%d ms at +%.2f s (GC %d ms, FX thread busy %d ms, render thread %d ms, X server ~%d ms)",
                g.millis(), Duration.between(started, g.end()).toMillis() / 1000.0, gc, g.fxCpuNanos() / 1_000_000,
                g.renderCpuNanos() / 1_000_000, g.xServerCpuMillis());
    }

    private static double percentile(List<Long> sortedMicros, double q) {
        return sortedMicros.isEmpty() ? 0 : sortedMicros.get((int) Math.min(sortedMicros.size() - 1, q * sortedMicros.size())) / 1000.0;
    }
}
