package studio.timelapse.camera.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

/** Answers mDNS for the agent on one address: registers the service there, and withdraws it. */
public interface MdnsResponder {

    /** Why this responder cannot speak on {@code address} (no interface holds it, no multicast there), if so. */
    Optional<String> cannotAnnounceOn(InetAddress address);

    /**
     * Registers {@code announcement} on {@code address}, for a host named {@code hostLabel}.local.
     *
     * @throws IOException if it could not be announced there (the announcer tries again at its next refresh)
     */
    Registration announce(InetAddress address, String hostLabel, ServiceAnnouncement announcement) throws IOException;

    /** The service, registered on one address. */
    interface Registration {
        /** The instance name it went out as: the camera's name, or "Garden Pi (2)" if another had that name. */
        String announcedAs();

        /** Says goodbye, so browsers drop the camera now, and stops answering on this address. */
        void withdraw() throws IOException;
    }
}
