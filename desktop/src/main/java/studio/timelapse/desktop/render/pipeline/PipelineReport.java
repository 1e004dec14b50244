package studio.timelapse.desktop.render.pipeline;

import java.util.List;

/**
 * Which source frames made it into a stream's output, and which did not and why.
 *
 * @param delivered the positions of the frames delivered, in order
 * @param skipped the frames left out, in order
 */
public record PipelineReport(List<Integer> delivered, List<SkippedFrame> skipped) {

    public PipelineReport {
        delivered = List.copyOf(delivered);
        skipped = List.copyOf(skipped);
    }
}
