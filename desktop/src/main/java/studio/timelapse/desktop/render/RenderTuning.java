package studio.timelapse.desktop.render;

import java.time.Duration;
import studio.timelapse.shared.job.RetryPolicy;

/**
 * How renders run on this machine.
 *
 * @param segmentSeconds video seconds per segment: what a crash can cost, and the longest stretch between key frames
 * @param pipelineThreads decode-and-scale threads (0: one per core)
 * @param retry how a failed render is retried (a crash resumes whatever this says)
 */
public record RenderTuning(double segmentSeconds, int pipelineThreads, RetryPolicy retry) {

    public RenderTuning {
        if (!(segmentSeconds > 0)) {
            throw new IllegalArgumentException("A segment lasts more than 0 seconds, not " + segmentSeconds);
        }
        if (pipelineThreads < 0) {
            throw new IllegalArgumentException("Pipeline threads are 0 (one per core) or more, not " + pipelineThreads);
        }
    }

    /** Segments of 5 s (125 frames at 25 fps), a thread per core, two more tries after a failure. */
    public static RenderTuning defaults() {
        return new RenderTuning(5, 0, RetryPolicy.standard().withMaxAttempts(3)
                .withDelays(Duration.ofSeconds(2), Duration.ofSeconds(30)));
    }

    public RenderTuning withSegmentSeconds(double seconds) {
        return new RenderTuning(seconds, pipelineThreads, retry);
    }

    /** Frames per segment at {@code framesPerSecond}: at least one. */
    int framesPerSegment(double framesPerSecond) {
        return (int) Math.max(1, Math.round(segmentSeconds * framesPerSecond));
    }
}
