package studio.timelapse.desktop.render.look;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about how a render looks beyond size and framing: deflicker, a keyframed viewport (crop, pan and zoom),
 * frame blending and overlays. {@link #plain()} is none of them.
 *
 * @param deflicker deflicker with these settings, or none
 * @param viewport a keyframed viewport, or none (then the pipeline's framing, fit or crop, decides)
 * @param blendFrames frames averaged into each output frame for motion blur; 1 for none
 * @param overlays drawn in order onto each finished frame
 */
public record RenderLook(Optional<DeflickerSettings> deflicker, Optional<ViewportPath> viewport, int blendFrames,
        List<Overlay> overlays) {

    public RenderLook {
        Objects.requireNonNull(deflicker, "deflicker");
        Objects.requireNonNull(viewport, "viewport");
        overlays = List.copyOf(overlays);
        if (blendFrames < 1 || blendFrames > FrameBlender.MAX_WINDOW) {
            throw new IllegalArgumentException("frame blending averages 1 to " + FrameBlender.MAX_WINDOW
                    + " frames, not " + blendFrames);
        }
    }

    public static RenderLook plain() {
        return new RenderLook(Optional.empty(), Optional.empty(), 1, List.of());
    }

    public RenderLook withDeflicker(DeflickerSettings settings) {
        return new RenderLook(Optional.of(settings), viewport, blendFrames, overlays);
    }

    public RenderLook withViewport(ViewportPath path) {
        return new RenderLook(deflicker, Optional.of(path), blendFrames, overlays);
    }

    public RenderLook withBlend(int frames) {
        return new RenderLook(deflicker, viewport, frames, overlays);
    }

    public RenderLook withOverlay(Overlay overlay) {
        List<Overlay> more = new java.util.ArrayList<>(overlays);
        more.add(overlay);
        return new RenderLook(deflicker, viewport, blendFrames, more);
    }
}
