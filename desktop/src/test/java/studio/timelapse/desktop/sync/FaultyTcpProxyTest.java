package studio.timelapse.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test proxy itself: it forwards faithfully, and cuts, corrupts and stalls exactly where its plan says. */
class FaultyTcpProxyTest {
    private static final int ANSWER_BYTES = 200_000;
    private final byte[] answer = new byte[ANSWER_BYTES];
    private ServerSocket target;

    @BeforeEach
    void serveAFixedAnswerToEveryConnection() throws IOException {
        new Random(7).nextBytes(answer);
        target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (true) {
                try (Socket socket = target.accept(); OutputStream out = socket.getOutputStream()) {
                    socket.getInputStream().read();
                    out.write(answer);
                } catch (IOException e) {
                    if (target.isClosed()) {
                        return;
                    }
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    @AfterEach
    void stop() throws IOException {
        target.close();
    }

    private byte[] fetch(FaultyTcpProxy proxy) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.getOutputStream().write('?');
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, read);
            }
        } catch (IOException cut) {
            // A reset: what arrived before it is what the client has.
        }
        return received.toByteArray();
    }

    @Test
    void forwardsEveryByteWhenThePlanHasNoFaults() throws IOException {
        try (FaultyTcpProxy proxy = new FaultyTcpProxy(target.getLocalPort(), 1, FaultyTcpProxy.FaultPlan.none())) {
            assertThat(fetch(proxy)).isEqualTo(answer);
            assertThat(proxy.cuts()).isZero();
        }
    }

    @Test
    void cutsAConnectionAfterExactlyThePlannedBytes() throws IOException {
        try (FaultyTcpProxy proxy = new FaultyTcpProxy(target.getLocalPort(), 1,
                (n, random) -> FaultyTcpProxy.Faults.cutAfter(12_345))) {
            byte[] received = fetch(proxy);
            assertThat(received).hasSize(12_345);
            assertThat(received).isEqualTo(java.util.Arrays.copyOf(answer, 12_345));
            assertThat(proxy.cuts()).isEqualTo(1);
        }
    }

    @Test
    void cutsAHundredConnectionsAtSeededRandomPlacesAndTheSameSeedCutsTheSamePlaces() throws IOException {
        int[] first = new int[100];
        int[] second = new int[100];
        for (int[] lengths : new int[][] {first, second}) {
            try (FaultyTcpProxy proxy = new FaultyTcpProxy(target.getLocalPort(), 42,
                    FaultyTcpProxy.FaultPlan.cutEachWithin(ANSWER_BYTES))) {
                for (int i = 0; i < lengths.length; i++) {
                    lengths[i] = fetch(proxy).length;
                }
                assertThat(proxy.cuts()).isEqualTo(100);
            }
        }
        assertThat(first).isEqualTo(second);
        assertThat(java.util.Arrays.stream(first).distinct().count()).isGreaterThan(90);
    }

    @Test
    void flipsExactlyOneByteWhereThePlanSays() throws IOException {
        try (FaultyTcpProxy proxy = new FaultyTcpProxy(target.getLocalPort(), 1,
                (n, random) -> FaultyTcpProxy.Faults.corruptAt(100_000))) {
            byte[] received = fetch(proxy);
            assertThat(received).hasSize(ANSWER_BYTES);
            int differences = 0;
            for (int i = 0; i < ANSWER_BYTES; i++) {
                if (received[i] != answer[i]) {
                    differences++;
                    assertThat(i).isEqualTo(100_000);
                }
            }
            assertThat(differences).isEqualTo(1);
            assertThat(proxy.corruptions()).isEqualTo(1);
        }
    }

    @Test
    void stallsBeforeTheChosenByteThenSendsTheRest() throws IOException {
        try (FaultyTcpProxy proxy = new FaultyTcpProxy(target.getLocalPort(), 1,
                (n, random) -> FaultyTcpProxy.Faults.stallAt(50_000, Duration.ofMillis(300)))) {
            long started = System.nanoTime();
            assertThat(fetch(proxy)).isEqualTo(answer);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void refusesNewConnectionsWhileTheCameraIsAway() throws IOException {
        try (FaultyTcpProxy proxy = new FaultyTcpProxy(target.getLocalPort(), 1, FaultyTcpProxy.FaultPlan.none())) {
            proxy.refuse(true);
            assertThat(fetch(proxy)).isEmpty();
            proxy.refuse(false);
            assertThat(fetch(proxy)).isEqualTo(answer);
        }
    }
}
