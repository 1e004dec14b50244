package studio.timelapse.desktop.render.pipeline;

import java.util.ArrayDeque;
import java.util.function.Supplier;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The output frame buffers of one stream, at most {@code capacity} of them alive at once: what bounds a render's
 * memory, however long it is. A worker takes a buffer before it claims a frame, so decoding waits when the consumer
 * falls behind; buffers come back when the consumer closes its frames and are reused.
 */
final class FrameBuffers {
    private final int capacity;
    private final Supplier<FrameBuffer> allocate;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition returned = lock.newCondition();
    private final ArrayDeque<FrameBuffer> free = new ArrayDeque<>();
    private int live;
    private int peak;
    private int allocated;

    FrameBuffers(int capacity, Supplier<FrameBuffer> allocate) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a stream needs at least one frame buffer, not " + capacity);
        }
        this.capacity = capacity;
        this.allocate = allocate;
    }

    /** A buffer (contents undefined), waiting while {@code capacity} are out. */
    FrameBuffer take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (live >= capacity) {
                returned.await();
            }
            live++;
            peak = Math.max(peak, live);
            FrameBuffer buffer = free.pollFirst();
            if (buffer == null) {
                allocated++;
                buffer = allocate.get();
            }
            return buffer;
        } finally {
            lock.unlock();
        }
    }

    void give(FrameBuffer buffer) {
        lock.lock();
        try {
            if (live <= 0) {
                throw new IllegalStateException("more buffers given back than taken");
            }
            live--;
            free.addFirst(buffer);
            returned.signal();
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        return capacity;
    }

    /** Buffers taken and not yet given back. */
    int live() {
        lock.lock();
        try {
            return live;
        } finally {
            lock.unlock();
        }
    }

    /** The most buffers out at once so far. */
    int peak() {
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }

    /** Buffers ever allocated: never more than the capacity. */
    int allocated() {
        lock.lock();
        try {
            return allocated;
        } finally {
            lock.unlock();
        }
    }
}
