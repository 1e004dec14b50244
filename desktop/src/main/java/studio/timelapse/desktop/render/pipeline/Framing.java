package studio.timelapse.desktop.render.pipeline;

/** How a source of another aspect ratio fills the output frame. */
public enum Framing {
    /** The whole source, with black bars where the aspects differ (letterbox or pillarbox). */
    FIT,
    /** The largest centred part of the source with the output's aspect: fills the frame, loses the edges. */
    CROP
}
