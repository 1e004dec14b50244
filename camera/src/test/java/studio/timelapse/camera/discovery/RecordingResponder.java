package studio.timelapse.camera.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A responder that sends nothing and remembers what it was asked; it can be told to refuse or fail an address. */
final class RecordingResponder implements MdnsResponder {
    private final List<String> calls = new ArrayList<>();
    private final Map<InetAddress, String> cannot = new HashMap<>();
    private final Map<InetAddress, Integer> failuresLeft = new HashMap<>();

    RecordingResponder cannotSpeakOn(InetAddress address, String why) {
        cannot.put(address, why);
        return this;
    }

    RecordingResponder failsOnce(InetAddress address) {
        failuresLeft.put(address, 1);
        return this;
    }

    /** "announce 192.0.2.1 garden-pi Garden Pi", "withdraw 192.0.2.1", in order. */
    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public Optional<String> cannotAnnounceOn(InetAddress address) {
        return Optional.ofNullable(cannot.get(address));
    }

    @Override
    public synchronized Registration announce(InetAddress address, String hostLabel, ServiceAnnouncement announcement)
            throws IOException {
        calls.add("announce " + address.getHostAddress() + " " + hostLabel + " " + announcement.name());
        if (failuresLeft.merge(address, -1, Integer::sum) >= 0) {
            throw new IOException("Address already in use");
        }
        return new Registration() {
            @Override
            public String announcedAs() {
                return announcement.name();
            }

            @Override
            public void withdraw() {
                synchronized (RecordingResponder.this) {
                    calls.add("withdraw " + address.getHostAddress());
                }
            }
        };
    }
}
