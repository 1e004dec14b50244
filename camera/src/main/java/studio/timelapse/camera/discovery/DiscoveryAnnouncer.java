package studio.timelapse.camera.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.process.LocalProcess;

/**
 * Announces the agent on the LAN over mDNS/DNS-SD ({@link ServiceAnnouncement}), so the studio finds it and
 * {@code avahi-browse _timelapse._tcp} lists it: one {@link MdnsResponder} registration per announced address.
 * Addresses come and go (DHCP, Wi-Fi roaming, a cable plugged in): every {@code refreshEvery} the announcer asks its
 * {@link AddressSource} again, announces on new addresses and withdraws from gone ones; an address where announcing
 * failed is tried again at the next refresh. Closing withdraws everywhere at once, with goodbye packets, so browsers
 * drop the camera now instead of when its records expire.
 * An address the responder cannot speak on is skipped, and said so once.
 */
public final class DiscoveryAnnouncer implements AutoCloseable {
    /** How often addresses are looked at again, by default. */
    public static final Duration REFRESH_EVERY = Duration.ofSeconds(30);

    private final ServiceAnnouncement announcement;
    private final AddressSource addresses;
    private final MdnsResponder responder;
    private final String hostLabel;
    private final ActionLog log;
    private final Duration refreshEvery;
    private final Map<InetAddress, Announced> announced = new LinkedHashMap<>();
    private final Set<InetAddress> skipped = new LinkedHashSet<>();
    private ScheduledExecutorService timer;
    private boolean closed;

    private record Announced(MdnsResponder.Registration registration, String interfaceName) {}

    /**
     * @param hostLabel the machine's name for its mDNS host record ({@code <label>.local.}); made DNS-safe here
     * @param refreshEvery how often to look at the addresses again; zero to look only when {@link #refresh} is called
     */
    public DiscoveryAnnouncer(ServiceAnnouncement announcement, AddressSource addresses, MdnsResponder responder,
            String hostLabel, ActionLog log, Duration refreshEvery) {
        this.announcement = announcement;
        this.addresses = addresses;
        this.responder = responder;
        this.hostLabel = dnsLabel(hostLabel);
        this.log = log;
        this.refreshEvery = refreshEvery;
    }

    /** With JmDNS on every LAN address of this machine, refreshed every 30 s. */
    public static DiscoveryAnnouncer onLan(ServiceAnnouncement announcement, ActionLog log) {
        return new DiscoveryAnnouncer(announcement, AddressSource.lan(), new JmdnsResponder(), LocalProcess.hostName(),
                log, REFRESH_EVERY);
    }

    /** Announces on the addresses there are now, and keeps following them. */
    public synchronized DiscoveryAnnouncer start() {
        if (closed) {
            throw new IllegalStateException("this announcer is closed");
        }
        refresh();
        if (!refreshEvery.isZero() && timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "discovery-refresh");
                thread.setDaemon(true);
                return thread;
            });
            long millis = refreshEvery.toMillis();
            // Not wrapped in the caller's action: each refresh's announcements are tasks of their own.
            timer.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Looks at the addresses again: announces on new ones, withdraws from gone ones. */
    public synchronized void refresh() {
        if (closed) {
            return;
        }
        Set<InetAddress> wanted;
        try {
            wanted = addresses.addresses();
        } catch (SocketException | RuntimeException e) {
            log.message("camera:discovery:addresses_unknown",
                    "exception", e.getClass().getName(), "reason", String.valueOf(e.getMessage()));
            return;
        }
        List<InetAddress> gone = announced.keySet().stream().filter(address -> !wanted.contains(address)).toList();
        withdrawAll(gone);
        skipped.retainAll(wanted);
        for (InetAddress address : wanted) {
            if (!announced.containsKey(address) && !skipped.contains(address)) {
                announceOn(address);
            }
        }
    }

    private void announceOn(InetAddress address) {
        Optional<String> whyNot = responder.cannotAnnounceOn(address);
        if (whyNot.isPresent()) {
            skipped.add(address);
            log.message("camera:discovery:address_skipped",
                    "address", address.getHostAddress(), "reason", whyNot.get());
            return;
        }
        String interfaceName = interfaceName(address);
        try (Action action = log.start("camera:discovery:announce", "address", address.getHostAddress(),
                "interface", interfaceName, "service_type", ServiceAnnouncement.SERVICE_TYPE,
                "name", announcement.name(), "port", announcement.port())) {
            try {
                MdnsResponder.Registration registration = responder.announce(address, hostLabel, announcement);
                announced.put(address, new Announced(registration, interfaceName));
                action.addSuccessFields("announced_as", registration.announcedAs());
            } catch (IOException | RuntimeException e) {
                // Not announced here now; the next refresh tries again.
                action.fail(e);
            }
        }
    }

    private static String interfaceName(InetAddress address) {
        try {
            NetworkInterface network = NetworkInterface.getByInetAddress(address);
            return network == null ? "" : network.getName();
        } catch (SocketException e) {
            return "";
        }
    }

    /** Withdraws from {@code gone} all at once: each goodbye takes seconds, and they need not wait for each other. */
    private void withdrawAll(List<InetAddress> gone) {
        List<Thread> goodbyes = new ArrayList<>();
        for (InetAddress address : gone) {
            Announced entry = announced.remove(address);
            Thread goodbye = new Thread(log.wrap(() -> withdraw(address, entry)), "discovery-goodbye");
            goodbye.setDaemon(true);
            goodbye.start();
            goodbyes.add(goodbye);
        }
        for (Thread goodbye : goodbyes) {
            try {
                goodbye.join();
            } catch (InterruptedException e) {
                // Shutting down in a hurry: the goodbyes go on without us.
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void withdraw(InetAddress address, Announced entry) {
        try (Action action = log.start("camera:discovery:withdraw", "address", address.getHostAddress(),
                "interface", entry.interfaceName(), "name", entry.registration().announcedAs())) {
            try {
                entry.registration().withdraw();
            } catch (IOException | RuntimeException e) {
                action.fail(e);
            }
        }
    }

    /** The addresses announced on now, with the name each went out as. */
    public synchronized Map<InetAddress, String> announced() {
        Map<InetAddress, String> names = new LinkedHashMap<>();
        announced.forEach((address, entry) -> names.put(address, entry.registration().announcedAs()));
        return names;
    }

    /** Withdraws from every address, with goodbye packets, and stops following them. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        withdrawAll(List.copyOf(announced.keySet()));
    }

    /** A DNS label from a host name: its first part, letters, digits and hyphens, at most 63 of them. */
    static String dnsLabel(String hostName) {
        String firstPart = hostName.strip().split("\\.", 2)[0];
        String label = firstPart.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        if (label.length() > 63) {
            label = label.substring(0, 63).replaceAll("-+$", "");
        }
        return label.isEmpty() ? "timelapse-camera" : label;
    }
}
