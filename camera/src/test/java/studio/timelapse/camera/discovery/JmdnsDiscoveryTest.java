package studio.timelapse.camera.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * The announcer speaking real mDNS through JmDNS, and a JmDNS browser doing what the studio does, both bound to
 * loopback only: nothing here leaves the machine. It needs multicast on the loopback interface, which CI's network
 * namespace has ({@code ip link set lo multicast on}); where it is off the test is skipped, except on CI, where it
 * fails rather than silently not run. mDNS paces itself (probing, announcing, goodbyes take seconds each by RFC 6762),
 * so one scenario covers it all.
 */
class JmdnsDiscoveryTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final ServiceAnnouncement GARDEN_PI =
            ServiceAnnouncement.of("Garden Pi", 8443, "cam-7f3a", "0.1.0-SNAPSHOT").withFingerprint("3f9a0c1de2b47a55");

    private final RecordingLog log = new RecordingLog();
    private JmDNS browser;
    private MdnsWire wire;
    private final CopyOnWriteArrayList<ServiceInfo> resolved = new CopyOnWriteArrayList<>();

    @BeforeEach
    void multicastOnLoopback() throws IOException {
        NetworkInterface loopback = NetworkInterface.getByInetAddress(LOOPBACK);
        boolean multicast = loopback != null && loopback.isUp() && loopback.supportsMulticast();
        String why = "multicast is off on the loopback interface; turn it on with: ip link set lo multicast on";
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(multicast, why + " (CI runs the tests in a namespace that must have it)");
        } else {
            assumeTrue(multicast, why);
        }
    }

    @AfterEach
    void closeAll() throws IOException {
        closeBrowser();
        if (wire != null) {
            wire.close();
        }
        log.close();
    }

    private void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** What the studio does: a JmDNS on loopback that lists and resolves {@code _timelapse._tcp}. */
    private void browse() throws IOException {
        browser = JmDNS.create(LOOPBACK, "studio-test");
        browser.addServiceListener(ServiceAnnouncement.SERVICE_TYPE, new ServiceListener() {
            @Override
            public void serviceAdded(ServiceEvent event) {
                event.getDNS().requestServiceInfo(event.getType(), event.getName());
            }

            @Override
            public void serviceRemoved(ServiceEvent event) {
                // Heard at the browser's next cache sweep: too late for a test, see below.
            }

            @Override
            public void serviceResolved(ServiceEvent event) {
                resolved.add(event.getInfo());
            }
        });
    }

    @Test
    void a_studio_browsing_the_lan_finds_the_camera_with_its_records_and_it_says_goodbye_on_close() throws IOException {
        wire = MdnsWire.listenOn(LOOPBACK);
        AtomicReference<Set<InetAddress>> addresses = new AtomicReference<>(Set.of());
        DiscoveryAnnouncer announcer = new DiscoveryAnnouncer(
                GARDEN_PI, addresses::get, new JmdnsResponder(), "garden-pi", log.log(), Duration.ZERO).start();
        addresses.set(Set.of(LOOPBACK)); // the network comes up after the agent started
        announcer.refresh();
        assertThat(announcer.announced()).containsEntry(LOOPBACK, "Garden Pi");

        // A studio that starts browsing after the announcement still finds the camera: it asks, the camera answers.
        browse();

        // JmDNS may call a service resolved before its TXT records are in: wait for the records.
        await().until(() -> withRecords().isPresent());
        ServiceInfo camera = withRecords().orElseThrow();
        assertThat(camera.getType()).isEqualTo("_timelapse._tcp.local.");
        assertThat(camera.getName()).isEqualTo("Garden Pi");
        assertThat(camera.getPort()).isEqualTo(8443);
        assertThat(camera.getPropertyString("id")).isEqualTo("cam-7f3a");
        assertThat(camera.getPropertyString("name")).isEqualTo("Garden Pi");
        assertThat(camera.getPropertyString("version")).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(camera.getPropertyString("api")).isEqualTo("/api/v1");
        assertThat(camera.getPropertyString("fp")).isEqualTo("3f9a0c1de2b47a55");
        assertThat(camera.getHostAddresses()).contains(LOOPBACK.getHostAddress());

        assertThat(wire.goodbyes()).isEmpty();
        // Goodbyes take seconds to finish (JmDNS repeats them); the first is on the wire long before. A JmDNS browser
        // drops the camera only at its next cache sweep, up to ten seconds later, so the test listens to the wire.
        CompletableFuture<Void> closing = CompletableFuture.runAsync(announcer::close);
        await().until(() -> wire.goodbyes().stream().anyMatch(record -> record.type().equals("TYPE_PTR")
                && record.name().equals("_timelapse._tcp.local.")));
        closeBrowser();
        closing.join();
        assertThat(announcer.announced()).isEmpty();
        assertThat(wire.goodbyes()).extracting(MdnsWire.Answer::name).contains("Garden Pi._timelapse._tcp.local.");
    }

    @Test
    void jmdns_speaks_only_where_an_interface_holds_the_address() throws IOException {
        InetAddress elsewhere = InetAddress.getByName("192.0.2.1"); // TEST-NET-1: a literal, held by no interface here

        assertThat(new JmdnsResponder().cannotAnnounceOn(elsewhere)).hasValue("no interface holds this address");
        assertThat(new JmdnsResponder().cannotAnnounceOn(LOOPBACK)).isEmpty();
    }

    private Optional<ServiceInfo> withRecords() {
        return resolved.stream().filter(info -> info.getPropertyString("id") != null).findFirst();
    }
}
