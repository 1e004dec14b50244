package studio.timelapse.desktop.render.pipeline;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import studio.timelapse.desktop.render.look.FrameBlender;
import studio.timelapse.desktop.render.look.FrameMoment;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.cancel.StoppedException;

/**
 * The frames of one range of a {@link FramePipeline}, delivered in order to one consumer while the pipeline's worker
 * threads ({@link FrameWorkers}, shared with its other open streams) decode and scale the frames ahead of it.
 *
 * <p>Memory stays bounded however long the range: a worker claims the next position only together with an output
 * buffer from a pool of {@code framesInFlight} (plus the blend window), so the workers turn to other streams, or wait,
 * when this stream's consumer falls behind. Claiming a position and its buffer at once is also what keeps this free
 * of deadlock: the frame the consumer waits for always has its buffer.
 *
 * <p>A frame that fails to decode is skipped with a {@code studio:render:frame_skipped} message naming the file and
 * the reason, and the stream goes on; {@link #report()} lists what was delivered and what was skipped. Anything else
 * going wrong in a worker (a bug) ends the stream with that error. Used by one consumer thread.
 */
public final class FrameStream implements AutoCloseable {
    private static final String SKIPPED = "studio:render:frame_skipped";

    private final FramePipeline pipeline;
    private final int from;
    private final int to;
    private final int decodeFrom;
    private final int decodeTo;
    private final FrameSize size;
    private final FrameBuffers buffers;
    private final Optional<YuvFormat> yuv;
    private final Outcome[] outcomes;
    private final Object monitor = new Object();
    private final FrameWorkers workers;
    private final int reserved;
    private final Action action;
    private final FrameBlender blender;
    private final ArrayDeque<Rendered> blending = new ArrayDeque<>();
    private final ArrayDeque<FrameBuffer> spares = new ArrayDeque<>();
    private final List<Integer> delivered = new ArrayList<>();
    private final List<SkippedFrame> skipped = new ArrayList<>();
    private volatile boolean closing;
    private volatile boolean failed;
    private int nextClaim; // guarded by the workers' lock
    private int rendering; // claimed and not yet published; guarded by monitor
    private Throwable failure;
    private int nextDelivery;
    private boolean inputEnded;

    // yuv: the format to deliver planes in (the pipeline has checked that the look allows it), or empty for RGB.
    FrameStream(FramePipeline pipeline, int from, int to, Optional<YuvFormat> yuv) {
        this.pipeline = pipeline;
        this.yuv = yuv;
        this.from = from;
        this.to = to;
        this.size = pipeline.outputSize();
        int blend = pipeline.look().blendFrames();
        this.blender = blend > 1 ? new FrameBlender(blend, size.width(), size.height()) : null;
        int before = blender == null ? 0 : blender.reachBefore();
        int after = blender == null ? 0 : blender.reachAfter();
        this.decodeFrom = Math.max(0, from - before);
        this.decodeTo = Math.min(pipeline.frames(), to + after);
        this.nextDelivery = decodeFrom;
        this.nextClaim = decodeFrom;
        this.outcomes = new Outcome[decodeTo - decodeFrom];
        PipelineSettings settings = pipeline.settings();
        this.workers = pipeline.workers();
        // The blender holds up to its window of buffers waiting for their blended frame: give the workers as many more.
        this.reserved = 1 + (blend > 1 ? blend : 0);
        this.buffers = new FrameBuffers(settings.framesInFlight() + (blend > 1 ? blend : 0),
                yuv.isPresent() ? () -> FrameBuffer.yuv(size) : () -> FrameBuffer.rgb(size), workers::wake);
        this.action = pipeline.log().start("studio:render:frames", "from", from, "to", to, "width", size.width(),
                "height", size.height(), "decoder", pipeline.decoderName(), "threads", settings.threads(),
                "frames_in_flight", settings.framesInFlight(), "blend", blend, "delivers", yuv.isPresent() ? "yuv420"
                : "rgb");
        try {
            workers.serve(this);
        } catch (RuntimeException | Error e) {
            action.fail(e);
            action.close();
            throw e;
        }
    }

    /**
     * The next frame in order, or {@code null} after the last. Close each frame before asking for the next: its
     * buffer is one of the few the workers decode into.
     *
     * @throws StoppedException if the pipeline's stop signal fired
     * @throws IllegalStateException if a worker failed unexpectedly (with that failure as the cause)
     */
    public RenderedFrame next() throws InterruptedException {
        while (true) {
            if (blender != null && blender.ready()) {
                RenderedFrame blended = blendNext();
                if (blended != null) {
                    return blended;
                }
                continue;
            }
            if (nextDelivery >= decodeTo) {
                if (blender != null && !inputEnded) {
                    inputEnded = true;
                    blender.endOfInput();
                    continue;
                }
                finish();
                return null;
            }
            int position = nextDelivery;
            Outcome outcome = await(position);
            nextDelivery++;
            if (outcome instanceof Skipped skip) {
                if (position >= from && position < to) {
                    SourceFrame source = pipeline.sources().get(position);
                    skipped.add(new SkippedFrame(position, source, skip.reason()));
                    action.log(SKIPPED, "position", position, "file", source.file().toString(), "reason",
                            skip.reason());
                }
                continue;
            }
            Rendered rendered = (Rendered) outcome;
            if (blender == null) {
                return deliver(rendered, rendered.buffer());
            }
            blender.add(rendered.buffer().rgb(), position);
            blending.addLast(rendered);
            spares.addLast(rendered.buffer());
        }
    }

    /**
     * Hands every remaining frame to {@code sink}, in order, closing each after it; returns how many.
     *
     * @throws IOException whatever the sink throws, which ends the stream
     */
    public int forEach(FrameSink sink) throws IOException, InterruptedException {
        int count = 0;
        for (RenderedFrame frame = next(); frame != null; frame = next()) {
            try (RenderedFrame delivered = frame) {
                sink.accept(delivered);
            }
            count++;
        }
        return count;
    }

    /** What consumes a stream's frames: an encoder, usually. */
    @FunctionalInterface
    public interface FrameSink {
        void accept(RenderedFrame frame) throws IOException;
    }

    /** The next blended frame, or null if it falls outside the range (a neighbour read only for blending). */
    private RenderedFrame blendNext() {
        Rendered rendered = blending.removeFirst();
        FrameBuffer buffer = spares.removeFirst();
        int[] pixels = buffer.rgb();
        blender.blendNext(pixels);
        if (rendered.position() < from || rendered.position() >= to) {
            buffers.give(buffer);
            return null;
        }
        double luma = RgbConverter.meanLuma(pixels, size.width(), rendered.x(), rendered.y(), rendered.width(),
                rendered.height());
        return deliver(new Rendered(rendered.position(), buffer, luma, rendered.x(), rendered.y(), rendered.width(),
                rendered.height()), buffer);
    }

    private RenderedFrame deliver(Rendered rendered, FrameBuffer buffer) {
        SourceFrame source = pipeline.sources().get(rendered.position());
        if (!buffer.isYuv()) { // a YUV stream's look has no overlays
            pipeline.overlays().paint(buffer.rgb(), size.width(), size.height(), new FrameMoment(rendered.position(),
                    pipeline.frames(), pipeline.settings().framesPerSecond(), source.capturedAt()));
        }
        delivered.add(rendered.position());
        return new RenderedFrame(rendered.position(), source, size.width(), size.height(), buffer, rendered.luma(),
                buffers::give);
    }

    private Outcome await(int position) throws InterruptedException {
        int index = position - decodeFrom;
        synchronized (monitor) {
            while (outcomes[index] == null && failure == null && !pipeline.stop().stopped()) {
                monitor.wait(1000);
            }
            pipeline.stop().throwIfStopped();
            Outcome outcome = outcomes[index];
            if (outcome == null) {
                throw new IllegalStateException("rendering frame " + position + " failed: " + failure, failure);
            }
            outcomes[index] = null;
            return outcome;
        }
    }

    /** A position of this stream claimed by a worker, with the output buffer to render it into. */
    record Claim(FrameStream stream, int position, FrameBuffer buffer) {}

    /**
     * The next position to render with a free buffer for it, or null if there is none now (all claimed, no buffer
     * free — its own, or within the pipeline's frames in flight —, or the stream failed, stopped or closing). A stream
     * may always hold one buffer (plus its blend window), so its consumer's next frame can always be rendered. Called
     * by the workers only, under their lock.
     */
    Claim claim() {
        if (closing || failed || nextClaim >= decodeTo || pipeline.stop().stopped()) {
            return null;
        }
        if (buffers.live() >= reserved && !workers.withinFramesInFlight()) {
            return null;
        }
        FrameBuffer buffer = buffers.tryTake();
        if (buffer == null) {
            return null;
        }
        Claim claim = new Claim(this, nextClaim, buffer);
        synchronized (monitor) {
            rendering++;
        }
        nextClaim++;
        return claim;
    }

    /** Ends the stream with {@code cause}: what went wrong while claiming or rendering one of its frames. */
    void fail(Throwable cause) {
        failed = true;
        synchronized (monitor) {
            if (failure == null) {
                failure = cause;
            }
            monitor.notifyAll();
        }
    }

    /**
     * Renders a claimed position and publishes the outcome for the consumer. A frame that cannot be decoded becomes
     * a skip; anything else (a bug, a missing native library, memory running out) fails the stream, and the worker
     * goes on with others.
     */
    void render(Claim claim, Function<Optional<YuvFormat>, FrameRenderer> renderers) {
        Outcome outcome;
        try {
            outcome = render(renderers, claim.position(), claim.buffer());
        } catch (Throwable e) { // whatever it is, the consumer must hear of it rather than wait for this frame
            fail(e);
            synchronized (monitor) {
                rendering--;
                monitor.notifyAll();
            }
            return;
        }
        synchronized (monitor) {
            outcomes[claim.position() - decodeFrom] = outcome;
            rendering--;
            monitor.notifyAll();
        }
    }

    private Outcome render(Function<Optional<YuvFormat>, FrameRenderer> renderers, int position, FrameBuffer buffer) {
        SourceFrame source = pipeline.sources().get(position);
        try {
            FrameRenderer renderer = renderers.apply(yuv);
            double gain = pipeline.gain(position);
            double luma = buffer.isYuv() ? renderer.renderYuv(source, position, gain, buffer.yuv())
                    : renderer.render(source, position, gain, buffer.rgb());
            Placement placement = renderer.lastPlacement();
            return new Rendered(position, buffer, luma, placement.x(), placement.y(), placement.width(),
                    placement.height());
        } catch (IOException | UndecodableFrameException e) {
            buffers.give(buffer);
            return new Skipped(e instanceof IOException ? "the file could not be read: " + e.getMessage()
                    : e.getMessage());
        } catch (RuntimeException | Error e) {
            buffers.give(buffer);
            throw e;
        }
    }

    /** What has been delivered and skipped so far; complete once {@link #next()} has returned null. */
    public PipelineReport report() {
        return new PipelineReport(delivered, skipped);
    }

    /** Output buffers alive now: decoded ahead, waiting to be blended, or held by the consumer. */
    public int liveBuffers() {
        return buffers.live();
    }

    /** The most output buffers alive at once so far. */
    public int peakLiveBuffers() {
        return buffers.peak();
    }

    /** The most output buffers that may ever be alive at once. */
    public int bufferCapacity() {
        return buffers.capacity();
    }

    /** Output buffers ever allocated, reused ones counted once. */
    public int allocatedBuffers() {
        return buffers.allocated();
    }

    // Every position has been claimed and delivered by now: the workers have nothing left to do here.
    private void finish() {
        workers.stopServing(this);
        if (!action.isFinished()) {
            action.addSuccessFields("delivered", delivered.size(), "skipped", skipped.size(), "peak_buffers",
                    buffers.peak());
            action.close();
        }
    }

    /**
     * Stops the workers claiming this stream's frames and waits for those they are rendering; an unfinished stream's
     * action fails with the reason.
     */
    @Override
    public void close() {
        closing = true;
        workers.stopServing(this);
        awaitRenderingDone();
        if (!action.isFinished()) {
            Throwable why;
            synchronized (monitor) {
                why = failure;
            }
            if (why == null && pipeline.stop().stopped()) {
                why = new StoppedException(pipeline.stop().reason().orElse("stopped"));
            }
            if (why == null) {
                why = new StoppedException("closed after " + delivered.size() + " of " + (to - from) + " frames");
            }
            action.fail(why);
            action.close();
        }
    }

    // A frame being decoded is not interrupted (the decoder is native code): wait for it, so that no worker writes
    // into this stream's buffers once it is closed.
    private void awaitRenderingDone() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        synchronized (monitor) {
            try {
                long left;
                while (rendering > 0 && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (rendering > 0) {
                action.log("studio:render:workers_still_running", "frames", rendering);
            }
        }
    }

    private sealed interface Outcome permits Rendered, Skipped {}

    /** A rendered frame and the rectangle its picture fills (the rest is bars). */
    private record Rendered(int position, FrameBuffer buffer, double luma, int x, int y, int width, int height)
            implements Outcome {}

    private record Skipped(String reason) implements Outcome {}
}
