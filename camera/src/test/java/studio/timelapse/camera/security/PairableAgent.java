package studio.timelapse.camera.security;

import java.net.URI;

/** What a test studio needs of a camera agent: where it answers, and a console that opens a pairing window. */
public interface PairableAgent {
    URI uri(String path);

    /** Opens a pairing window as {@code ./timelapse camera pair} does, and returns its code. */
    String openWindow();
}
