package dev.domaindesk.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Standard output that keeps why a write failed. {@link PrintStream} swallows the IOException of a full disk or a
 * closed pipe and only sets a flag, so {@code export > /dev/full} used to exit 0; the command line checks this
 * stream after every command ({@link #reason}) and an export checks it as it writes ({@link #checked}).
 */
public final class StandardOutput extends PrintStream {
    private final Recording recording;
    private final Charset charset;

    private StandardOutput(Recording recording, Charset charset) {
        super(new BufferedOutputStream(recording, 8192), true, charset);
        this.recording = recording;
        this.charset = charset;
    }

    /** {@code text} in this stream's encoding, written as one block (what {@code print} writes, with less copying). */
    void writeText(CharSequence text) {
        byte[] bytes = text.toString().getBytes(charset);
        write(bytes, 0, bytes.length);
    }

    /** A stream over file descriptor 1, in the encoding {@code System.out} would use. */
    public static StandardOutput open() {
        return over(new FileOutputStream(FileDescriptor.out), encoding());
    }

    /** The same over {@code out} (tests). */
    static StandardOutput over(OutputStream out, Charset charset) {
        return new StandardOutput(new Recording(out), charset);
    }

    private static Charset encoding() {
        String name = System.getProperty("sun.stdout.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Charset.defaultCharset();
        }
    }

    /** Why {@code out} failed, after flushing it; null while every write has succeeded. */
    static String reason(PrintStream out) {
        if (!out.checkError()) {
            return null;
        }
        IOException first = out instanceof StandardOutput s ? s.recording.failure : null;
        return first == null || first.getMessage() == null ? "a write failed" : first.getMessage();
    }

    /**
     * {@code out} as a stream whose writes throw when {@code out} has failed, so a long output stops at the first
     * failed write instead of being produced whole into a stream that drops it.
     */
    static OutputStream checked(PrintStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                check();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                check();
            }

            @Override
            public void flush() throws IOException {
                check();
            }

            private void check() throws IOException {
                String reason = reason(out);
                if (reason != null) {
                    throw new OutputFailedException(STDOUT + reason);
                }
            }
        };
    }

    static final String STDOUT = "could not write to standard output: ";

    /** An output (standard output or a file) could not be written; the message says which and why. */
    static final class OutputFailedException extends IOException {
        OutputFailedException(String message) {
            super(message);
        }
    }

    /** Passes writes on and remembers the first failure. */
    private static final class Recording extends OutputStream {
        private final OutputStream out;
        private volatile IOException failure;

        Recording(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private void remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
