package studio.timelapse.desktop.render.pipeline;

/** A source frame left out of the render, and why ("the JPEG data is damaged: …", "the file is empty"). */
public record SkippedFrame(int position, SourceFrame source, String reason) {}
