package studio.timelapse.desktop.render.pipeline;

import java.util.ArrayDeque;
import java.util.function.Supplier;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The output frame buffers of one stream, at most {@code capacity} of them alive at once: what bounds a render's
 * memory, however long it is. A worker claims a frame only with a buffer for it, so decoding turns elsewhere or waits
 * when the consumer falls behind; buffers come back when the consumer closes its frames and are reused, and each
 * return is announced ({@code onReturn}) to the workers that may be waiting for one.
 */
final class FrameBuffers {
    private final int capacity;
    private final Supplier<FrameBuffer> allocate;
    private final Runnable onReturn;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<FrameBuffer> free = new ArrayDeque<>();
    private int live;
    private int peak;
    private int allocated;

    FrameBuffers(int capacity, Supplier<FrameBuffer> allocate, Runnable onReturn) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a stream needs at least one frame buffer, not " + capacity);
        }
        this.capacity = capacity;
        this.allocate = allocate;
        this.onReturn = onReturn;
    }

    /** A buffer (contents undefined), or null while {@code capacity} are out. */
    FrameBuffer tryTake() {
        lock.lock();
        try {
            if (live >= capacity) {
                return null;
            }
            FrameBuffer buffer = free.pollFirst();
            if (buffer == null) {
                buffer = allocate.get(); // before counting it: an allocation that fails must not keep a place
                allocated++;
            }
            live++;
            peak = Math.max(peak, live);
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
        } finally {
            lock.unlock();
        }
        onReturn.run(); // outside the lock: the workers claim buffers while holding theirs
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
