package studio.timelapse.camera.gpio;

/**
 * The status light the agent talks to: the {@link StatusLed} on a Pi, or nothing at all where there is no GPIO — the
 * agent shows its state the same way either way.
 */
public interface StatusLight extends AutoCloseable {

    /** Plays {@code pattern} from its start, at once, until another one is shown. */
    void show(BlinkPattern pattern);

    /** Plays {@code pattern} once, then goes back to the pattern shown. */
    void flash(BlinkPattern pattern);

    /** The pattern shown now. */
    BlinkPattern showing();

    /** Turns the light off and frees what drives it. */
    @Override
    void close();

    /** A light that shows nothing, for a machine without GPIO. */
    static StatusLight none() {
        return new StatusLight() {
            private volatile BlinkPattern showing = BlinkPattern.off();

            @Override
            public void show(BlinkPattern pattern) {
                showing = pattern;
            }

            @Override
            public void flash(BlinkPattern pattern) {
                // Nothing to flash.
            }

            @Override
            public BlinkPattern showing() {
                return showing;
            }

            @Override
            public void close() {
                showing = BlinkPattern.off();
            }
        };
    }
}
