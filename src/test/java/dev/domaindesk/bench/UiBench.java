package dev.domaindesk.bench;

import dev.domaindesk.app.AppContext;
import dev.domaindesk.app.AppContextAccess;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.Ids;
import dev.domaindesk.domains.ProfileExpander;
import dev.domaindesk.domains.ProfileRegistry;
import dev.domaindesk.domains.RecordProfile;
import dev.domaindesk.settings.Settings;
import dev.domaindesk.testing.KnotServer;
import dev.domaindesk.ui.shell.DesktopApp;
import dev.domaindesk.ui.testing.ZoneText;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

/**
 * The window with 10,000 domains: first frame and list shown after JVM start, filtering per keystroke, and the
 * longest FX frame gap while every domain is checked against a local Knot. Run by {@code bench/ui-bench.sh}:
 * {@code UiBench prepare DIR}, then {@code UiBench startup DIR}, then {@code UiBench check DIR}.
 */
public final class UiBench {
    static final int DOMAINS = 10_000;

    private UiBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]).toAbsolutePath();
        switch (args[0]) {
            case "prepare" -> prepare(dir);
            case "startup" -> startup(dir);
            case "check" -> check(dir);
            default -> throw new IllegalArgumentException("prepare | startup | check");
        }
    }

    private static void prepare(Path dir) throws Exception {
        Instant now = Instant.now();
        try (AppContext ctx = new AppContext(dir.resolve("data"), Clock.systemUTC())) {
            RecordProfile ses = new ProfileRegistry(null).require("ses");
            ProfileExpander expander = new ProfileExpander(new SecureRandom());
            List<DomainWithRecords> all = new ArrayList<>();
            StringBuilder zone = new StringBuilder();
            for (int i = 0; i < DOMAINS; i++) {
                Domain d = new Domain(Ids.newDomainId(), DomainName.parse(String.format("d%05d.bench.test", i)),
                        DomainStatus.PENDING, "ses", now, now, null, now, null, Domain.ServiceFields.NONE);
                List<DnsRecord> records = expander.expand(ses, d, "us-east-1", now);
                all.add(new DomainWithRecords(d, records));
                zone.append(ZoneText.of(i % 10 == 0 ? records.subList(0, 5) : records, Map.of()));
            }
            AppContextAccess.repository(ctx).replaceAll(all, List.of());
            Files.writeString(dir.resolve("bench.test.zone-records"), zone);
        }
        copyTree(dir.resolve("data"), dir.resolve("prepared"));
        System.out.println("prepared " + DOMAINS + " domains in " + dir);
    }

    /**
     * Every check run starts from the prepared store (never checked), so each run's first "check all" does the
     * same work: 9,000 domains become verified, and the window shows and notifies it.
     */
    private static void resetData(Path dir) throws Exception {
        Path data = dir.resolve("data");
        if (Files.exists(data)) {
            try (var files = Files.walk(data)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        copyTree(dir.resolve("prepared"), data);
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    /** First frame and list after JVM start; then the cost of filtering per keystroke. */
    private static void startup(Path dir) throws Exception {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            try {
                Scene scene = awaitScene();
                long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
                while (DesktopApp.firstFrameAt() == 0) {
                    Thread.sleep(2);
                }
                System.out.printf("first frame (the window, \"Opening …\"): %d ms after JVM start%n",
                        DesktopApp.firstFrameAt() - jvmStart);
                long listed = awaitListed(scene, DOMAINS);
                System.out.printf("10,000 domains listed: %d ms after JVM start%n", listed - jvmStart);
                String shot = System.getProperty("bench.shot");
                if (shot != null) {
                    fx(() -> snapshot(scene, Path.of(shot)));
                }
                filtering(scene);
                fx(() -> Platform.exit());
            } catch (Exception e) {
                e.printStackTrace();
                Platform.exit();
            }
        });
        dev.domaindesk.Launcher.main(new String[] {"--data-dir", dir.resolve("data").toString()});
        done.get(5, TimeUnit.MINUTES);
    }

    /**
     * Each keystroke's cost on the FX thread as the window pays it: setting the search text (the filter and its list
     * events), plus the next pulse's CSS and layout pass (from the scene's pre-layout to its post-layout listener).
     * Waiting for the pulse timer is not counted; rendering runs on its own thread.
     */
    private static void filtering(Scene scene) throws Exception {
        String[] steps = {"d", "d0", "d01", "d012", "d0123", "d012", "d01", "d0", "d", "", "bench", "9", "99", "999", ""};
        List<double[]> costs = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        TextField search = fx(() -> (TextField) scene.lookup("#search"));
        for (int round = 0, rounds = Integer.getInteger("bench.rounds", 3); round < rounds; round++) {
            for (String text : steps) {
                CompletableFuture<double[]> cost = new CompletableFuture<>();
                fx(() -> {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    search.setText(text);
                    long filterNanos = System.nanoTime() - t0;
                    long filterCpu = threads.getCurrentThreadCpuTime() - c0;
                    long[] pre = new long[2];
                    Runnable before = () -> {
                        pre[0] = System.nanoTime();
                        pre[1] = threads.getCurrentThreadCpuTime();
                    };
                    Runnable[] after = new Runnable[1];
                    after[0] = () -> {
                        double wall = (filterNanos + System.nanoTime() - pre[0]) / 1e6;
                        double cpu = (filterCpu + threads.getCurrentThreadCpuTime() - pre[1]) / 1e6;
                        scene.removePreLayoutPulseListener(before);
                        scene.removePostLayoutPulseListener(after[0]);
                        cost.complete(new double[] {wall, filterNanos / 1e6, cpu});
                    };
                    scene.addPreLayoutPulseListener(before);
                    scene.addPostLayoutPulseListener(after[0]);
                    Platform.requestNextPulse();
                });
                costs.add(cost.get(10, TimeUnit.SECONDS));
                Thread.sleep(30);
            }
        }
        List<double[]> cold = costs.subList(0, steps.length);
        List<double[]> warm = costs.subList(steps.length, costs.size());
        System.out.printf("filtering per keystroke (filter + the pulse's CSS and layout), %d keystrokes after a warm-up round: "
                + "median %.2f ms, max %.2f ms%n", warm.size(), median(warm, 0), max(warm, 0));
        System.out.printf("  the warm-up round (first %d keystrokes, JIT still compiling): median %.2f ms, max %.2f ms%n",
                cold.size(), median(cold, 0), max(cold, 0));
        System.out.printf("  of which the filter itself: median %.2f ms, max %.2f ms%n", median(warm, 1), max(warm, 1));
        System.out.printf("  FX thread CPU time per keystroke (less sensitive to other load): median %.2f ms, max %.2f ms%n",
                median(warm, 2), max(warm, 2));
        System.out.printf("  load average during the run: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static double median(List<double[]> values, int column) {
        return values.stream().mapToDouble(v -> v[column]).sorted().toArray()[values.size() / 2];
    }

    private static double max(List<double[]> values, int column) {
        return values.stream().mapToDouble(v -> v[column]).max().orElse(0);
    }

    /** Checks all 10,000 domains against Knot while an AnimationTimer records the gaps between frames. */
    private static void check(Path dir) throws Exception {
        if (!Boolean.getBoolean("bench.keepData")) { // -Dbench.keepData=true: the store as the last run left it
            resetData(dir);
        }
        Path knotDir = dir.resolve("knot-" + System.nanoTime());
        String records = Files.readString(dir.resolve("bench.test.zone-records"));
        try (KnotServer knot = KnotServer.start(knotDir, Map.of("bench.test", records,
                "amazonses.com", "@ 300 IN TXT \"v=spf1 ip4:199.255.192.0/22 ip4:54.240.0.0/18 -all\""))) {
            try (AppContext ctx = new AppContext(dir.resolve("data"), Clock.systemUTC())) {
                ctx.settings().save(new Settings(List.of("127.0.0.1:" + knot.port()), Duration.ofMillis(2000), 200,
                        Duration.ofMinutes(360), Duration.ofHours(72), "us-east-1", Settings.Theme.LIGHT, ""));
            }
            CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
                try {
                    Scene scene = awaitScene();
                    awaitListed(scene, DOMAINS);
                    // as an admin has it: a domain selected, its records (and their "checking" badges) on the right
                    fx(() -> ((ListView<?>) scene.lookup("#domainList")).getSelectionModel().select(0));
                    while (!fx(() -> scene.lookup("#records") instanceof TableView<?> t && !t.getItems().isEmpty())) {
                        Thread.sleep(20);
                    }
                    // the first check all of a session runs the window's code cold (interpreted, classes loading);
                    // a second one (-Dbench.checks=N) shows what the same work costs warm
                    // -Dbench.checkSelectedFirst=true: one Check now (F5) of the selected domain before, so the
                    // window has shown every "checking" state once when the first check all starts
                    if (Boolean.getBoolean("bench.checkSelectedFirst")) {
                        awaitQuietFrames(60, 10);
                        fx(() -> scene.getRoot().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.F5, false, false, false, false)));
                        awaitActivity(scene, s -> s.startsWith("Checking"), 60);
                        awaitActivity(scene, s -> !s.startsWith("Checking"), 600);
                        System.out.println("checked the selected domain first");
                    }
                    for (int run = 1, runs = Integer.getInteger("bench.checks", 2); run <= runs; run++) {
                        System.out.println("check all #" + run + ":");
                        checkAllOnce(scene);
                    }
                    fx(() -> Platform.exit());
                } catch (Exception e) {
                    e.printStackTrace();
                    Platform.exit();
                }
            });
            dev.domaindesk.Launcher.main(new String[] {"--data-dir", dir.resolve("data").toString()});
            done.get(15, TimeUnit.MINUTES);
        }
    }


    /** Presses Ctrl+Shift+F5 once the window is quiet and reports the frame gaps until the check ends. */
    private static void checkAllOnce(Scene scene) throws Exception {
        FrameGaps frames = new FrameGaps(); // first: its JFR stream starts (loading ~100 classes) before the quiet wait
        awaitQuietFrames(60, 10);
        System.out.println("key press at about " + ManagementFactory.getRuntimeMXBean().getUptime()
                + " ms of JVM uptime"); // to line up with -XX:+PrintCompilation
        fx(() -> {
            frames.start();
            System.out.println("key press at nanoTime " + System.nanoTime()); // to line up with perf -k CLOCK_MONOTONIC
            scene.getRoot().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.F5, true, true, false, false));
            return null;
        });
        long t0 = System.nanoTime();
        awaitActivity(scene, s -> s.startsWith("Checking"), 60);
        awaitActivity(scene, s -> !s.startsWith("Checking"), 600);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String counts = fx(() -> scene.lookup("#counts").getAccessibleText());
        fx(() -> {
            frames.stop();
            return null;
        });
        System.out.printf("check of all %d domains: %.1f s (from %s); result: %s%n", DOMAINS, seconds,
                Instant.now().minusNanos((long) (seconds * 1e9)), counts);
        System.out.println(frames.report());
        System.out.printf("load average: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /**
     * Waits until the window has drawn {@code frames} frames in a row each within 25 ms of the last (the selected
     * domain's pane painted, the UI idle), as an admin looks at a domain before pressing Ctrl+Shift+F5.
     */
    private static void awaitQuietFrames(int frames, int seconds) throws Exception {
        CompletableFuture<Void> quiet = new CompletableFuture<>();
        javafx.animation.AnimationTimer timer = new javafx.animation.AnimationTimer() {
            private long last;
            private int calm;

            @Override
            public void handle(long now) {
                calm = last != 0 && now - last < 25_000_000L ? calm + 1 : 0;
                last = now;
                if (calm >= frames) {
                    stop();
                    quiet.complete(null);
                }
            }
        };
        fx(timer::start);
        try {
            quiet.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            fx(timer::stop);
            System.out.println("(the window did not settle within " + seconds + " s; starting anyway)");
        }
    }

    /** Writes what the scene shows now as a PNG (to look at the window without a screen grabber). */
    private static void snapshot(Scene scene, Path file) {
        javafx.scene.image.WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        try {
            javax.imageio.ImageIO.write(out, "png", file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Scene awaitScene() throws Exception {
        while (true) {
            Scene scene;
            try {
                scene = fx(() -> Window.getWindows().isEmpty() ? null : Window.getWindows().get(0).getScene());
            } catch (IllegalStateException toolkitNotStarted) {
                scene = null;
            }
            if (scene != null) {
                return scene;
            }
            Thread.sleep(2);
        }
    }

    @SuppressWarnings("unchecked")
    private static long awaitListed(Scene scene, int count) throws Exception {
        while (true) {
            Boolean listed = fx(() -> scene.lookup("#domainList") instanceof ListView<?> list && list.getItems().size() == count);
            if (listed) {
                CompletableFuture<Long> frame = new CompletableFuture<>();
                fx(() -> {
                    scene.addPostLayoutPulseListener(() -> frame.complete(System.currentTimeMillis()));
                    Platform.requestNextPulse();
                    return null;
                });
                return frame.get(10, TimeUnit.SECONDS);
            }
            Thread.sleep(5);
        }
    }

    /** Waits until the status bar's text matches, by listening to it (polling with lookups allocated 0.5 GB a run). */
    private static void awaitActivity(Scene scene, java.util.function.Predicate<String> ok, int seconds) throws Exception {
        CompletableFuture<Void> matched = new CompletableFuture<>();
        fx(() -> {
            Label activity = (Label) scene.lookup("#activity");
            javafx.beans.value.ChangeListener<String> watch = (obs, old, text) -> {
                if (ok.test(text)) {
                    matched.complete(null);
                }
            };
            activity.textProperty().addListener(watch);
            watch.changed(activity.textProperty(), null, activity.getText());
            matched.whenComplete((v, e) -> Platform.runLater(() -> activity.textProperty().removeListener(watch)));
        });
        try {
            matched.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("status bar never matched", e);
        }
    }

    private static void fx(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
