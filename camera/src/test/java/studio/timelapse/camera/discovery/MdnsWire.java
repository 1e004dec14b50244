package studio.timelapse.camera.discovery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.jmdns.impl.DNSIncoming;
import javax.jmdns.impl.DNSRecord;

/**
 * Listens — only listens — to mDNS on one interface and keeps every answer record that goes by, parsed with JmDNS's
 * own reader: to see goodbye packets (records with a TTL of 0) on the wire, where a browser would only notice them at
 * its next cache sweep.
 */
final class MdnsWire implements AutoCloseable {
    /** One answer record: its name ("Garden Pi._timelapse._tcp.local."), type ("TYPE_SRV") and TTL in seconds. */
    record Answer(String name, String type, int ttl) {}

    private static final InetSocketAddress MDNS_GROUP = new InetSocketAddress("224.0.0.251", 5353);

    private final MulticastSocket socket;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();

    private MdnsWire(MulticastSocket socket) {
        this.socket = socket;
    }

    static MdnsWire listenOn(InetAddress address) throws IOException {
        NetworkInterface network = NetworkInterface.getByInetAddress(address);
        MulticastSocket socket = new MulticastSocket(null);
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(MDNS_GROUP.getPort()));
        socket.joinGroup(MDNS_GROUP, network);
        MdnsWire wire = new MdnsWire(socket);
        Thread reader = new Thread(wire::read, "mdns-wire");
        reader.setDaemon(true);
        reader.start();
        return wire;
    }

    private void read() {
        byte[] buffer = new byte[9_000];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                for (DNSRecord record : new DNSIncoming(packet).getAllAnswers()) {
                    answers.add(new Answer(record.getName(), record.getRecordType().name(), record.getTTL()));
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException malformed) {
                // Not a DNS message we can read: not ours.
            }
        }
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** The records said goodbye to: sent with a TTL of 0. */
    List<Answer> goodbyes() {
        return answers.stream().filter(answer -> answer.ttl() == 0).toList();
    }

    @Override
    public void close() {
        socket.close();
    }
}
