package dev.domaindesk.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that fails once more than a limit has been read from it: input that never ends stops there. */
final class BoundedInput extends FilterInputStream {
    private final long limit;
    private long read;

    BoundedInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws TooLongException {
        read += n;
        if (read > limit) {
            throw new TooLongException();
        }
    }

    /** More than the limit came in. */
    static final class TooLongException extends IOException {
        TooLongException() {
            super("input longer than the limit");
        }
    }
}
