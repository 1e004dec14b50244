package studio.timelapse.camera.discovery;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Every address on an interface that is up, is not loopback or virtual, and does multicast — the ones a studio on
 * the same LAN can hear mDNS on: Ethernet, Wi-Fi, their IPv4 and IPv6 (link-local included, which is where IPv6 mDNS
 * lives).
 */
final class LanAddresses implements AddressSource {

    @Override
    public Set<InetAddress> addresses() throws SocketException {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback() && !network.isVirtual() && network.supportsMulticast()
                    && !network.isPointToPoint()) {
                addresses.addAll(Collections.list(network.getInetAddresses()));
            }
        }
        return addresses;
    }
}
