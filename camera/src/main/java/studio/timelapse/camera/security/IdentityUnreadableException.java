package studio.timelapse.camera.security;

import java.nio.file.Path;

/**
 * The agent's identity exists but cannot be used. The agent stops rather than make a new one: paired studios pin
 * its certificate, and a silent new identity would look to them exactly like an impostor.
 */
public final class IdentityUnreadableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IdentityUnreadableException(Path folder, String problem, Throwable cause) {
        super("The camera's identity in " + folder + " cannot be used: " + problem + ". Studios paired with this"
                + " camera pin its certificate, so the agent does not replace it by itself; a new identity means"
                + " pairing every studio again. Restore the folder from a backup, or move it away (mv " + folder + " "
                + folder + ".broken) and start the agent again to make a new identity.", cause);
    }
}
