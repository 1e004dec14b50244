package studio.timelapse.camera.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.actionlog.ActionStatus;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * Which addresses the announcer speaks on as they come and go. The responder here sends nothing; what JmDNS puts on
 * the wire is {@link JmdnsDiscoveryTest}'s.
 */
class DiscoveryAnnouncerTest {
    private static final ServiceAnnouncement GARDEN_PI = ServiceAnnouncement.of("Garden Pi", 8443, "cam-7f3a", "0.1.0");
    // Documentation addresses (RFC 5737, RFC 3849): nothing is ever sent to them.
    private static final InetAddress WIRED = address("192.0.2.10");
    private static final InetAddress WIFI = address("198.51.100.20");
    private static final InetAddress WIFI_V6 = address("2001:db8::20");

    private final RecordingLog log = new RecordingLog();
    private final RecordingResponder responder = new RecordingResponder();
    private final AtomicReference<Set<InetAddress>> addresses = new AtomicReference<>(Set.of());

    @AfterEach
    void closeLog() {
        log.close();
    }

    private DiscoveryAnnouncer announcer(Duration refreshEvery) {
        return new DiscoveryAnnouncer(GARDEN_PI, addresses::get, responder, "Garden-Pi.fritz.box", log.log(),
                refreshEvery);
    }

    @Test
    void it_announces_on_every_address_then_follows_them_as_they_come_and_go() {
        addresses.set(Set.of(WIRED));
        try (DiscoveryAnnouncer announcer = announcer(Duration.ZERO).start()) {
            assertThat(announcer.announced()).containsOnlyKeys(WIRED);

            addresses.set(Set.of(WIRED, WIFI, WIFI_V6));
            announcer.refresh();
            assertThat(announcer.announced()).containsOnlyKeys(WIRED, WIFI, WIFI_V6);

            addresses.set(Set.of(WIFI, WIFI_V6)); // the cable is pulled
            announcer.refresh();
            assertThat(announcer.announced()).containsOnlyKeys(WIFI, WIFI_V6).containsEntry(WIFI, "Garden Pi");
        }
        assertThat(responder.calls()).containsExactlyInAnyOrder(
                "announce 192.0.2.10 garden-pi Garden Pi",
                "announce 198.51.100.20 garden-pi Garden Pi",
                "announce 2001:db8:0:0:0:0:0:20 garden-pi Garden Pi",
                "withdraw 192.0.2.10",
                "withdraw 198.51.100.20",
                "withdraw 2001:db8:0:0:0:0:0:20");
        assertThat(responder.calls().get(3)).isEqualTo("withdraw 192.0.2.10");
        assertThat(log.ofType("camera:discovery:announce")).filteredOn(m -> m.actionStatus().orElseThrow().isEnd())
                .extracting(m -> m.text("announced_as").orElseThrow()).containsOnly("Garden Pi").hasSize(3);
    }

    @Test
    void closing_withdraws_everywhere_and_it_announces_no_more() {
        addresses.set(Set.of(WIRED, WIFI));
        DiscoveryAnnouncer announcer = announcer(Duration.ZERO).start();

        announcer.close();
        announcer.refresh();

        assertThat(announcer.announced()).isEmpty();
        assertThat(responder.calls()).filteredOn(call -> call.startsWith("withdraw"))
                .containsExactlyInAnyOrder("withdraw 192.0.2.10", "withdraw 198.51.100.20");
        assertThat(responder.calls()).filteredOn(call -> call.startsWith("announce")).hasSize(2);
        assertThat(log.ofType("camera:discovery:withdraw")).filteredOn(m -> m.actionStatus().orElseThrow().isEnd())
                .hasSize(2);
    }

    @Test
    void an_address_where_announcing_failed_is_tried_again_at_the_next_refresh() {
        responder.failsOnce(WIRED);
        addresses.set(Set.of(WIRED));
        try (DiscoveryAnnouncer announcer = announcer(Duration.ZERO).start()) {
            assertThat(announcer.announced()).isEmpty();

            announcer.refresh();

            assertThat(announcer.announced()).containsOnlyKeys(WIRED);
        }
        assertThat(log.ofType("camera:discovery:announce")).filteredOn(m -> m.actionStatus().orElseThrow().isEnd())
                .extracting(m -> m.actionStatus().orElseThrow())
                .containsExactly(ActionStatus.FAILED, ActionStatus.SUCCEEDED);
    }

    @Test
    void an_address_the_responder_cannot_speak_on_is_skipped_and_said_so_once() {
        responder.cannotSpeakOn(WIFI, "interface wlan0 does not do multicast");
        addresses.set(Set.of(WIRED, WIFI));
        try (DiscoveryAnnouncer announcer = announcer(Duration.ZERO).start()) {
            announcer.refresh();
            announcer.refresh();

            assertThat(announcer.announced()).containsOnlyKeys(WIRED);
        }
        assertThat(log.ofType("camera:discovery:address_skipped")).singleElement().satisfies(message -> {
            assertThat(message.text("address")).hasValue("198.51.100.20");
            assertThat(message.text("reason")).hasValue("interface wlan0 does not do multicast");
        });
    }

    @Test
    void it_looks_at_the_addresses_again_by_itself() {
        try (DiscoveryAnnouncer announcer = announcer(Duration.ofMillis(20)).start()) {
            addresses.set(Set.of(WIRED));

            await().until(() -> announcer.announced().containsKey(WIRED));
        }
    }

    @Test
    void the_mdns_host_name_is_a_dns_label_made_from_the_machines_name() {
        assertThat(DiscoveryAnnouncer.dnsLabel("Garden-Pi.fritz.box")).isEqualTo("garden-pi");
        assertThat(DiscoveryAnnouncer.dnsLabel("Zoë's Pi")).isEqualTo("zo-s-pi");
        assertThat(DiscoveryAnnouncer.dnsLabel("___")).isEqualTo("timelapse-camera");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no look-up
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
