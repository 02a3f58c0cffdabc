package dev.domaindesk.verification.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway certificate authority made with the JDK's keytool: a CA, and a server certificate it signs for the
 * given host names. The client side trusts only this CA; the server side presents the signed certificate.
 */
final class TestCertificateAuthority {
    private static final String PASSWORD = "test-only";
    private final Path dir;

    TestCertificateAuthority(Path dir, List<String> serverNames) throws IOException, InterruptedException {
        this.dir = dir;
        Files.createDirectories(dir);
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=DomainDesk Test CA", "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12");
        keytool("-exportcert", "-alias", "ca", "-rfc", "-file", "ca.crt", "-keystore", "ca.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + serverNames.get(0), "-validity", "2", "-keystore", "server.p12");
        keytool("-certreq", "-alias", "server", "-file", "server.csr", "-keystore", "server.p12");
        List<String> san = serverNames.stream().map(n -> "dns:" + n).toList();
        keytool("-gencert", "-alias", "ca", "-infile", "server.csr", "-outfile", "server.crt", "-rfc", "-validity", "2",
                "-ext", "SAN=" + String.join(",", san), "-keystore", "ca.p12");
        keytool("-importcert", "-alias", "ca", "-file", "ca.crt", "-noprompt", "-keystore", "server.p12");
        keytool("-importcert", "-alias", "server", "-file", "server.crt", "-keystore", "server.p12");
    }

    /** What a client that trusts only this CA uses. */
    SSLContext clientContext() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve("ca.crt"))) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** What the server presents: the signed certificate and its key. */
    SSLContext serverContext() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
