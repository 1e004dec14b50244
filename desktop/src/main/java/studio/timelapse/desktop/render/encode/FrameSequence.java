package studio.timelapse.desktop.render.encode;

import java.nio.file.Path;

/**
 * The frames one encoder has taken, and where its stream is in its life (open, finishing, finished, closed). Every
 * encoder checks its input and its calls with one, so a pipeline bug — a dropped or repeated frame, a frame of the
 * wrong size, a frame after {@code finish} — fails loudly where it happens, instead of making a video with a hole or a
 * stutter.
 */
public final class FrameSequence {
    private enum State { OPEN, FINISHING, FINISHED, CLOSED }

    private final EncoderSettings settings;
    private final Path output;
    private State state = State.OPEN;
    private long next;

    public FrameSequence(EncoderSettings settings, Path output) {
        this.settings = settings;
        this.output = output;
    }

    /** Accepts {@code frame} as the next one, or throws {@link IllegalArgumentException} saying what is wrong. */
    public void accept(VideoFrame frame) {
        requireOpen();
        if (frame.width() != settings.width() || frame.height() != settings.height()) {
            throw new IllegalArgumentException("Frame " + frame.index() + " is " + frame.width() + "x"
                    + frame.height() + "; this video is " + settings.width() + "x" + settings.height());
        }
        if (frame.index() != next) {
            throw new IllegalArgumentException("Frame " + frame.index() + " came where frame " + next
                    + " was due: frames reach an encoder once each, in order");
        }
        next++;
    }

    /** The encoder starts finishing: refused when closed, finished already, or without a single frame. */
    public void beginFinishing() {
        requireOpen();
        if (next == 0) {
            throw new IllegalStateException("No frames were encoded into " + output);
        }
        state = State.FINISHING;
    }

    /** The stream is complete on disk. */
    public void finished() {
        state = State.FINISHED;
    }

    /**
     * Marks the encoder closed; returns whether its output must be discarded (it was not finished). False for a
     * second close.
     */
    public boolean close() {
        if (state == State.CLOSED) {
            return false;
        }
        boolean discard = state != State.FINISHED;
        state = State.CLOSED;
        return discard;
    }

    /** How many frames were accepted. */
    public long count() {
        return next;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("The encoder for " + output + " is " + state.name().toLowerCase(
                    java.util.Locale.ROOT));
        }
    }
}
