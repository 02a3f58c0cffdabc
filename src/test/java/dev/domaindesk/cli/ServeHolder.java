package dev.domaindesk.cli;

import dev.domaindesk.Launcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A real {@code serve} process holding a data directory open, started and waited for until it serves. */
final class ServeHolder {
    private ServeHolder() {
    }

    static Process start(Path data) throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName(), "--data-dir", data.toString(),
                "serve", "--port", "0").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (first == null || !first.startsWith("serving ")) {
            p.destroyForcibly();
            throw new IllegalStateException("serve did not start: " + first);
        }
        return p;
    }
}
