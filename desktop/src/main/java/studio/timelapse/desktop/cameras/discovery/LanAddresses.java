package studio.timelapse.desktop.cameras.discovery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The addresses to listen for cameras on: one per interface that is up, does multicast and is neither loopback,
 * virtual nor point-to-point (VPNs) — Ethernet and Wi-Fi, where cameras announce themselves. IPv4 when the interface
 * has one, else its first IPv6 address: JmDNS joins the mDNS group of the interface either way, one instance each.
 */
final class LanAddresses {
    private LanAddresses() {}

    static Set<InetAddress> find() throws SocketException {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback() || network.isVirtual() || !network.supportsMulticast()
                    || network.isPointToPoint()) {
                continue;
            }
            Collections.list(network.getInetAddresses()).stream()
                    .sorted((a, b) -> Boolean.compare(b instanceof Inet4Address, a instanceof Inet4Address))
                    .findFirst().ifPresent(addresses::add);
        }
        return addresses;
    }
}
