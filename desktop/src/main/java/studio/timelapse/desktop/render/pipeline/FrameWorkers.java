package studio.timelapse.desktop.render.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The decode-and-scale threads of one {@link FramePipeline}, shared by all of its open streams.
 *
 * <p>A render encodes several segments at once, each from its own {@link FrameStream}. Threads owned by each stream
 * would leave cores idle whenever the streams are uneven — above all at the end, when the last segment runs alone
 * with its share of the threads. Shared threads go wherever there is work: each takes, in turn from stream to
 * stream, the next position of a stream that has one left and a free output buffer for it.
 *
 * <p>Threads start when a stream opens and end a moment after none is open, so a pipeline needs no closing. Each
 * keeps one {@link FrameRenderer} (decoders and scratch buffers) per output format for as long as it lives.
 */
final class FrameWorkers {
    // A render opens the next segment's stream as soon as one ends, sometimes just after the last open one ended: the
    // threads wait that long rather than end and leave their renderers (decoders, 12 MP scratch planes) to the GC.
    private static final Duration LINGER = Duration.ofSeconds(2);

    private final FramePipeline pipeline;
    private final int threads;
    private final int framesInFlight;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAppeared = lock.newCondition();
    private final List<FrameStream> open = new ArrayList<>();
    private int alive;
    private int started;
    private int turn;

    FrameWorkers(FramePipeline pipeline, int threads, int framesInFlight) {
        if (threads < 1) {
            throw new IllegalArgumentException("a pipeline needs at least one thread, not " + threads);
        }
        this.pipeline = pipeline;
        this.threads = threads;
        this.framesInFlight = framesInFlight;
    }

    /** Starts serving {@code stream}, starting the pipeline's threads if they are not running. */
    void serve(FrameStream stream) {
        lock.lock();
        try {
            open.add(stream);
            while (alive < threads) {
                // No log context: a thread serves every stream, and the streams log for themselves.
                Thread thread = new Thread(this::work, "render-frames-" + ++started);
                thread.setDaemon(true);
                try {
                    thread.start();
                } catch (RuntimeException | Error e) { // no more threads to be had: go on with those there are
                    if (alive == 0) {
                        open.remove(stream);
                        throw e;
                    }
                    break;
                }
                alive++;
            }
            workAppeared.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops serving {@code stream}: no new position of it is claimed after this returns. */
    void stopServing(FrameStream stream) {
        lock.lock();
        try {
            open.remove(stream);
            workAppeared.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Something changed that may let a waiting thread claim a position: a buffer came back. */
    void wake() {
        lock.lock();
        try {
            workAppeared.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the open streams together hold fewer output buffers than the pipeline's frames in flight: what keeps
     * memory bounded by the pipeline, not by the number of streams times each stream's share. Under the lock.
     */
    boolean withinFramesInFlight() {
        int held = 0;
        for (FrameStream stream : open) {
            held += stream.liveBuffers();
        }
        return held < framesInFlight;
    }

    /** Threads alive now (they end once no stream is open). */
    int alive() {
        lock.lock();
        try {
            return alive;
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        Map<Optional<YuvFormat>, FrameRenderer> renderers = new HashMap<>();
        Function<Optional<YuvFormat>, FrameRenderer> rendererFor = format -> renderers.computeIfAbsent(format,
                pipeline::newRenderer);
        boolean left = false;
        try {
            for (FrameStream.Claim claim = nextClaim(); claim != null; claim = nextClaim()) {
                claim.stream().render(claim, rendererFor);
            }
            left = true; // nextClaim counted this thread out, under the lock that saw no stream open
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!left) {
                lock.lock();
                try {
                    alive--;
                } finally {
                    lock.unlock();
                }
            }
            renderers.values().forEach(FrameRenderer::close);
        }
    }

    /**
     * The next position to render, from the streams in turn; null once no stream has been open for {@link #LINGER},
     * this thread then counted out under the same lock, so a stream opening at that moment starts a thread of its own.
     */
    private FrameStream.Claim nextClaim() throws InterruptedException {
        lock.lock();
        try {
            long linger = LINGER.toNanos();
            while (true) {
                if (open.isEmpty()) {
                    if (linger <= 0) {
                        alive--;
                        return null;
                    }
                    linger = workAppeared.awaitNanos(linger);
                    continue;
                }
                for (int i = 0; i < open.size(); i++) {
                    int index = (turn + i) % open.size();
                    FrameStream stream = open.get(index);
                    FrameStream.Claim claim;
                    try {
                        claim = stream.claim();
                    } catch (RuntimeException | Error e) { // a buffer that could not be allocated: that stream fails
                        stream.fail(e);
                        continue;
                    }
                    if (claim != null) {
                        turn = index + 1;
                        return claim;
                    }
                }
                workAppeared.await();
            }
        } finally {
            lock.unlock();
        }
    }
}
