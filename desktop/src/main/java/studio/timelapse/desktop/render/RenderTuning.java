package studio.timelapse.desktop.render;

import java.time.Duration;
import studio.timelapse.shared.job.RetryPolicy;

/**
 * How renders run on this machine.
 *
 * @param segmentSeconds video seconds per segment: what a crash can cost, and the longest stretch between key frames
 * @param pipelineThreads decode-and-scale threads of the render, shared by the segments encoded at once, so that the
 *     cores go wherever frames are wanted, also to the last segment when it runs alone (0: one per core)
 * @param segmentsAtOnce segments encoded at the same time, each by its own encoder with its own frames (0: one per
 *     core): how a single-threaded encoder (JCodec) uses every core, and how any encoder keeps the cores busy while
 *     one segment ends (its encoder flushing, its frames draining) and the next starts
 * @param retry how a failed render is retried (a crash resumes whatever this says)
 */
public record RenderTuning(double segmentSeconds, int pipelineThreads, int segmentsAtOnce, RetryPolicy retry) {

    public RenderTuning {
        if (!(segmentSeconds > 0)) {
            throw new IllegalArgumentException("A segment lasts more than 0 seconds, not " + segmentSeconds);
        }
        if (pipelineThreads < 0) {
            throw new IllegalArgumentException("Pipeline threads are 0 (one per core) or more, not " + pipelineThreads);
        }
        if (segmentsAtOnce < 0) {
            throw new IllegalArgumentException("Segments at once are 0 (one per core) or more, not " + segmentsAtOnce);
        }
    }

    /** Segments of 5 s (125 frames at 25 fps), one encoded per core at once, two more tries after a failure. */
    public static RenderTuning defaults() {
        return new RenderTuning(5, 0, 0, RetryPolicy.standard().withMaxAttempts(3)
                .withDelays(Duration.ofSeconds(2), Duration.ofSeconds(30)));
    }

    public RenderTuning withSegmentSeconds(double seconds) {
        return new RenderTuning(seconds, pipelineThreads, segmentsAtOnce, retry);
    }

    public RenderTuning withSegmentsAtOnce(int segments) {
        return new RenderTuning(segmentSeconds, pipelineThreads, segments, retry);
    }

    /** Segments to encode at once on a machine of {@code cores} cores: at least one. */
    int segmentsAtOnce(int cores) {
        return segmentsAtOnce > 0 ? segmentsAtOnce : Math.max(1, cores);
    }

    /** Decode-and-scale threads of a render on a machine of {@code cores} cores: at least one. */
    int pipelineThreads(int cores) {
        return pipelineThreads > 0 ? pipelineThreads : Math.max(1, Math.min(64, cores)); // the pipeline's most
    }

    /**
     * Threads of each segment's encoder when {@code segments} are encoded at once: its share of the cores, at least
     * one. With segments already on every core, an encoder's own frame threads add no parallelism, only work: x264's
     * default (1.5 frame threads per core, in every encoder) took about 12 % more CPU for the same SSIM and size,
     * within the noise of a loaded machine (docs/benchmarks.md, "Render").
     */
    int encoderThreads(int cores, int segments) {
        return Math.max(1, cores / segments);
    }

    /** Frames per segment at {@code framesPerSecond}: at least one. */
    int framesPerSegment(double framesPerSecond) {
        return (int) Math.max(1, Math.round(segmentSeconds * framesPerSecond));
    }
}
