package dev.domaindesk.api.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** A body handler that collects at most {@code limit} bytes and fails as soon as a body is larger. */
final class LimitedBody implements HttpResponse.BodyHandler<byte[]> {

    /** The body exceeded the limit; the exchange is cancelled without reading the rest. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;

    LimitedBody(long limit) {
        this.limit = limit;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
        return new Subscriber(limit, declared.isPresent() && declared.getAsLong() > limit);
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final long limit;
        private final boolean declaredTooLarge;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        Subscriber(long limit, boolean declaredTooLarge) {
            this.limit = limit;
            this.declaredTooLarge = declaredTooLarge;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declaredTooLarge) {
                s.cancel();
                result.completeExceptionally(new TooLargeException(limit));
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                if (bytes.size() + (long) b.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLargeException(limit));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
