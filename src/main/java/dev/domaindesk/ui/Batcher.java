package dev.domaindesk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects items offered from any thread and hands them to the FX thread in one list at most once per delay
 * (the {@code delayed} executor runs its task after e.g. 150 ms; tests pass {@code Runnable::run}).
 */
public final class Batcher<T> {
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor delayed;
    private final Executor fx;
    private final Consumer<List<T>> sink;

    public Batcher(Executor delayed, Executor fx, Consumer<List<T>> sink) {
        this.delayed = delayed;
        this.fx = fx;
        this.sink = sink;
    }

    public void offer(T item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            delayed.execute(() -> fx.execute(this::drain));
        }
    }

    /** Delivers what is queued now; runs on the FX thread. */
    public void drain() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item; (item = queue.poll()) != null; ) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
