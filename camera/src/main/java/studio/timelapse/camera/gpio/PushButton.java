package studio.timelapse.camera.gpio;

/** The agent's button: the {@link Button} on a Pi, or none where there is no GPIO. */
public interface PushButton extends AutoCloseable {

    /** Whether the button is held down now, after debouncing. */
    boolean held();

    /** Stops listening and frees the pin. */
    @Override
    void close();

    /** No button: never held, nothing to free. */
    static PushButton none() {
        return new PushButton() {
            @Override
            public boolean held() {
                return false;
            }

            @Override
            public void close() {
                // Nothing to free.
            }
        };
    }
}
