package studio.timelapse.camera.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

/**
 * mDNS through JmDNS, which speaks on one interface per instance: one JmDNS per address, bound to it. Registering
 * probes for the name and announces it (a few seconds, as RFC 6762 paces it); withdrawing sends the goodbye packets
 * and waits for them to go out (a few seconds too).
 *
 * <p>It speaks only on an address whose interface is known, up and does multicast: JmDNS given any other address
 * joins the mDNS group on the system's default interface, which is not the one asked for.
 */
public final class JmdnsResponder implements MdnsResponder {

    @Override
    public Optional<String> cannotAnnounceOn(InetAddress address) {
        try {
            NetworkInterface network = NetworkInterface.getByInetAddress(address);
            if (network == null) {
                return Optional.of("no interface holds this address");
            }
            if (!network.isUp()) {
                return Optional.of("interface " + network.getName() + " is down");
            }
            if (!network.supportsMulticast()) {
                return Optional.of("interface " + network.getName() + " does not do multicast");
            }
            return Optional.empty();
        } catch (SocketException e) {
            return Optional.of("its interface cannot be read: " + e.getMessage());
        }
    }

    @Override
    public Registration announce(InetAddress address, String hostLabel, ServiceAnnouncement announcement)
            throws IOException {
        Optional<String> whyNot = cannotAnnounceOn(address);
        if (whyNot.isPresent()) {
            throw new IOException("cannot announce on " + address.getHostAddress() + ": " + whyNot.get());
        }
        JmDNS jmdns = JmDNS.create(address, hostLabel);
        try {
            ServiceInfo service = ServiceInfo.create(ServiceAnnouncement.SERVICE_TYPE, announcement.name(),
                    announcement.port(), 0, 0, announcement.txt());
            jmdns.registerService(service);
            return new Registration() {
                @Override
                public String announcedAs() {
                    return service.getName();
                }

                @Override
                public void withdraw() throws IOException {
                    jmdns.close(); // unregisters every service first: the goodbye packets
                }
            };
        } catch (IOException | RuntimeException e) {
            jmdns.close();
            throw e;
        }
    }
}
