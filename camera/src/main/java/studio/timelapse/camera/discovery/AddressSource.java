package studio.timelapse.camera.discovery;

import java.net.InetAddress;
import java.net.SocketException;
import java.util.Set;

/** Which of the machine's addresses the agent announces itself on; asked again whenever the announcer refreshes. */
@FunctionalInterface
public interface AddressSource {

    Set<InetAddress> addresses() throws SocketException;

    /** The machine's LAN addresses, IPv4 and IPv6: see {@link LanAddresses}. */
    static AddressSource lan() {
        return new LanAddresses();
    }

    /** Always these addresses (loopback, in tests; a chosen interface's address, in a config). */
    static AddressSource only(InetAddress... addresses) {
        Set<InetAddress> fixed = Set.of(addresses);
        return () -> fixed;
    }
}
