package studio.timelapse.desktop.cameras.discovery;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;
import studio.timelapse.desktop.cameras.client.AgentAddress;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * Finds camera agents on the LAN: browses DNS-SD for {@value #SERVICE_TYPE} over mDNS (JmDNS, one instance per
 * address it listens on — tests listen on loopback only) and resolves each camera's TXT records ({@code id},
 * {@code name}, {@code version}, {@code fp}) and addresses. A camera heard on several interfaces is one camera with
 * several addresses. Listeners hear of cameras as they are resolved and as they say goodbye.
 */
public final class CameraDiscovery implements AutoCloseable {
    public static final String SERVICE_TYPE = "_timelapse._tcp.local.";
    private static final String HOST_NAME = "timelapse-studio";

    /** Told on JmDNS's threads; keep it quick. */
    public interface Listener {
        void found(DiscoveredCamera camera);

        default void lost(String cameraId) {}
    }

    private final ActionLog log;
    private final Listener listener;
    private final List<JmDNS> browsers = new ArrayList<>();
    private final Map<String, DiscoveredCamera> cameras = new ConcurrentHashMap<>();
    /** Which camera each DNS-SD instance name announced, to know who said goodbye. */
    private final Map<String, String> instances = new ConcurrentHashMap<>();

    private CameraDiscovery(ActionLog log, Listener listener) {
        this.log = log;
        this.listener = listener;
    }

    /**
     * Starts browsing on each of {@code addresses} (an address picks the interface to listen on).
     *
     * @throws IOException when mDNS cannot be started on any of them
     */
    public static CameraDiscovery start(Set<InetAddress> addresses, ActionLog log, Listener listener)
            throws IOException {
        CameraDiscovery discovery = new CameraDiscovery(log, listener);
        List<String> failures = new ArrayList<>();
        for (InetAddress address : addresses) {
            try {
                discovery.browseOn(address);
            } catch (IOException e) {
                failures.add(address.getHostAddress() + ": " + e.getMessage());
                log.message("studio:discovery:address_failed", "address", address.getHostAddress(), "reason",
                        String.valueOf(e.getMessage()));
            }
        }
        if (discovery.browsers.isEmpty()) {
            discovery.close();
            throw new IOException(addresses.isEmpty()
                    ? "This machine has no network interface to look for cameras on (up, with multicast); connect it"
                            + " to the cameras' network, or add a camera by its address"
                    : "Cannot listen for cameras on " + String.join("; ", failures));
        }
        return discovery;
    }

    /** Browses on every LAN interface of this machine. */
    public static CameraDiscovery onLan(ActionLog log, Listener listener) throws IOException {
        return start(LanAddresses.find(), log, listener);
    }

    /** Browses for {@code duration} and answers what was found, by name. */
    public static List<DiscoveredCamera> browse(Set<InetAddress> addresses, Duration duration, ActionLog log)
            throws IOException, InterruptedException {
        try (CameraDiscovery discovery = start(addresses, log, camera -> { })) {
            Thread.sleep(duration.toMillis());
            return discovery.cameras();
        }
    }

    /** The cameras heard and not gone, by name. */
    public List<DiscoveredCamera> cameras() {
        return cameras.values().stream().sorted(Comparator.comparing(DiscoveredCamera::name)
                .thenComparing(DiscoveredCamera::cameraId)).toList();
    }

    private void browseOn(InetAddress address) throws IOException {
        JmDNS jmdns = JmDNS.create(address, HOST_NAME);
        browsers.add(jmdns);
        jmdns.addServiceListener(SERVICE_TYPE, new ServiceListener() {
            @Override
            public void serviceAdded(ServiceEvent event) {
                event.getDNS().requestServiceInfo(event.getType(), event.getName());
            }

            @Override
            public void serviceRemoved(ServiceEvent event) {
                removed(event.getName());
            }

            @Override
            public void serviceResolved(ServiceEvent event) {
                resolved(event.getInfo());
            }
        });
        log.message("studio:discovery:browsing", "address", address.getHostAddress(), "service_type", SERVICE_TYPE);
    }

    private void resolved(ServiceInfo info) {
        String id = info.getPropertyString("id");
        if (id == null || id.isBlank()) {
            return; // JmDNS may resolve before the TXT records are in; another resolution follows
        }
        List<AgentAddress> addresses = addresses(info);
        if (addresses.isEmpty()) {
            return;
        }
        String name = Optional.ofNullable(info.getPropertyString("name")).filter(text -> !text.isBlank())
                .orElse(info.getName());
        DiscoveredCamera heard = new DiscoveredCamera(id, name,
                Optional.ofNullable(info.getPropertyString("version")).orElse("?"),
                Optional.ofNullable(info.getPropertyString("fp")), addresses);
        instances.put(info.getName(), id);
        DiscoveredCamera merged = cameras.merge(id, heard, CameraDiscovery::merge);
        log.message("studio:discovery:found", "camera", id, "name", name, "addresses",
                merged.addresses().stream().map(AgentAddress::toString).toList());
        tell(merged);
    }

    private void removed(String instanceName) {
        String id = instances.remove(instanceName);
        if (id != null && cameras.remove(id) != null) {
            log.message("studio:discovery:lost", "camera", id, "instance", instanceName);
            try {
                listener.lost(id);
            } catch (RuntimeException e) {
                log.message("studio:discovery:listener_failed", "reason", String.valueOf(e.getMessage()));
            }
        }
    }

    private void tell(DiscoveredCamera camera) {
        try {
            listener.found(camera);
        } catch (RuntimeException e) {
            log.message("studio:discovery:listener_failed", "reason", String.valueOf(e.getMessage()));
        }
    }

    /** IPv4 first; IPv6 link-local addresses are left out, as they only work with their interface's scope. */
    private static List<AgentAddress> addresses(ServiceInfo info) {
        List<AgentAddress> addresses = new ArrayList<>();
        for (Inet4Address address : info.getInet4Addresses()) {
            addresses.add(AgentAddress.of(address.getHostAddress(), info.getPort()));
        }
        for (Inet6Address address : info.getInet6Addresses()) {
            if (!address.isLinkLocalAddress()) {
                addresses.add(AgentAddress.of(address.getHostAddress(), info.getPort()));
            }
        }
        return addresses;
    }

    private static DiscoveredCamera merge(DiscoveredCamera known, DiscoveredCamera heard) {
        Set<AgentAddress> addresses = new LinkedHashSet<>(heard.addresses());
        addresses.addAll(known.addresses());
        return new DiscoveredCamera(heard.cameraId(), heard.name(), heard.version(),
                heard.fingerprintShort().or(known::fingerprintShort), List.copyOf(addresses));
    }

    @Override
    public void close() {
        for (JmDNS jmdns : browsers) {
            try {
                jmdns.close();
            } catch (IOException e) {
                log.message("studio:discovery:close_failed", "reason", String.valueOf(e.getMessage()));
            }
        }
        browsers.clear();
    }
}
