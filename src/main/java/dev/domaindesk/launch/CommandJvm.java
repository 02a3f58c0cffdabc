package dev.domaindesk.launch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command in a JVM tuned for it. {@code java -jar domaindesk.jar COMMAND} cannot carry JVM options, and the
 * defaults suit a long-lived server, not a command: the C2 compiler and G1's threads take CPU a short run never
 * gets back, and G1 grows the heap far past the live set (docs/decisions/0001-command-jvm.md). So the first JVM
 * starts a second one with the flags below (unless the user chose a heap or a collector, or this already is that
 * second JVM), passes its streams through and exits with its code. A SIGTERM or SIGINT to the first is passed on and
 * the first then ends quietly; if the first is killed outright, the second stops at once too.
 * The second JVM also maps a class-data-sharing archive of the app's classes ({@link ClassArchive}).
 */
public final class CommandJvm {
    static final String CHILD_PROPERTY = "domaindesk.commandJvm";
    /** The command JVM removes this file as its {@code main} starts ({@link ClassArchive#startMark}). */
    static final String START_MARK_PROPERTY = "domaindesk.startMark";
    /**
     * C1 only; ParallelGC with a young generation of a fixed 192 MB: a bulk check's collections then use both cores
     * and the heap stays near the live set (left to size itself, ParallelGC grew it far past it). Survivor spaces are
     * a fixed sixth each: left to adapt, they took most of the young generation, so collections came far more often.
     * The old generation starts at 256 MB: a bulk check's records, read at its start, and the results its report
     * keeps then fit without a full collection, which paused the check for a quarter of a second. What survives
     * one young collection moves to the old generation at the next: a bulk check keeps its records and results for
     * the whole run, and copying them from survivor space to survivor space made the young pauses long.
     * Decisions 0017, 0018, 0019 and 0020.
     */
    static final List<String> FLAGS = List.of("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Xms448m", "-Xmn192m",
            "-XX:SurvivorRatio=4", "-XX:-UsePSAdaptiveSurvivorSizePolicy", "-XX:MaxTenuringThreshold=1");
    private static final List<String> USER_CHOICES = List.of("-Xmx", "-Xms", "-XX:MaxRAM", "-XX:+Use", "-XX:TieredStopAtLevel");

    private CommandJvm() {
    }

    /** True in the second JVM, or when the user's own JVM options should be kept as they are. */
    public static boolean keepThisJvm() {
        if (!Files.isExecutable(javaExecutable())) {
            return true; // a runtime without bin/java (jpackage's app image): its launcher sets the options
        }
        return keepJvm(System.getProperty(CHILD_PROPERTY) != null, ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    static boolean keepJvm(boolean isCommandJvm, List<String> jvmOptions) {
        return isCommandJvm || jvmOptions.stream().anyMatch(a -> USER_CHOICES.stream().anyMatch(a::startsWith));
    }

    /** In the second JVM: tells the first that it started, so a damaged class archive is not blamed for its end. */
    public static void started() {
        String mark = System.getProperty(START_MARK_PROPERTY);
        if (mark != null) {
            try {
                Files.deleteIfExists(Path.of(mark));
            } catch (IOException | RuntimeException e) {
                // the first JVM then takes the archive for damaged and dumps a new one: slower, never wrong
            }
        }
    }

    /** In the second JVM: stop when the first one is gone (it was killed, so this one is too). */
    public static void stopWithParent() {
        if (System.getProperty(CHILD_PROPERTY) == null) {
            return;
        }
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(137)));
    }

    private static Path javaExecutable() {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    /**
     * Runs {@code mainClass} with {@code args} in a command JVM and returns its exit code. Throws IOException only
     * when that JVM could not be started (the caller then runs the command itself). Should that JVM die while
     * starting from its class archive (a damaged one: the JVM crashes mapping it), the archive is removed and the
     * command runs once more, dumping a new one: nothing of the command had run.
     */
    public static int run(Class<?> mainClass, String[] args) throws IOException, InterruptedException {
        ClassArchive archive = ClassArchive.forThisJvm();
        boolean archiving = archive != null && archive.prepare();
        Integer code = runOnce(mainClass, args, archiving ? archive : null);
        if (code == null) {
            System.err.println("domaindesk: the command's JVM could not start from its class archive " + archive.file()
                    + " (damaged, e.g. written while the disk was full); it was removed and the command runs again");
            code = runOnce(mainClass, args, archive);
        }
        return code == null ? 1 : code;
    }

    /** The command JVM's exit code; null when it died while starting from a class archive (now removed). */
    private static Integer runOnce(Class<?> mainClass, String[] args, ClassArchive archive)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(FLAGS);
        boolean archiving = archive != null;
        Path dump = archiving ? archive.dumpFile() : null;
        Path startMark = archiving && archive.exists() ? createMark(archive.startMark()) : null;
        if (archiving) {
            command.addAll(archive.options(dump));
        }
        if (startMark != null) {
            command.add("-D" + START_MARK_PROPERTY + "=" + startMark);
        }
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-D" + CHILD_PROPERTY + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        // On Ctrl+C or SIGTERM this JVM shuts down: the hook passes the stop on, waits for the command to end and
        // removes a dump it will not keep; this JVM then exits with the signal's status and prints nothing.
        Thread passOn = new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (archiving) {
                archive.discard(dump);
            }
            if (startMark != null) {
                archive.discard(startMark);
            }
        }, "domaindesk-stop-command");
        Runtime.getRuntime().addShutdownHook(passOn);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(passOn);
        } catch (IllegalStateException shuttingDown) {
            return code; // the hook is running: it cleans up
        }
        if (startMark != null && Files.exists(startMark)) {
            archive.discard(startMark);
            archive.discard(dump);
            archive.drop();
            archive.discard(archive.crashReport(Long.toString(child.pid()))); // its cause is known, and said
            return null;
        }
        if (archiving) {
            archive.keep(dump);
        }
        return code;
    }

    /** Creates the start mark; null (no check) when the cache directory cannot take it. */
    private static Path createMark(Path mark) {
        try {
            return Files.createFile(mark);
        } catch (IOException e) {
            return null;
        }
    }
}
