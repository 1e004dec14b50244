package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback for fault tests: it forwards every connection to a target port and, per connection, may cut
 * it after a number of bytes sent back to the client, flip one byte of what it sends back, or stall before a byte.
 * What happens to connection {@code n} is decided by a {@link FaultPlan}, from a seeded random source, so a failing
 * run can be replayed. The target can be changed while it runs (an agent restarted on another port).
 */
final class FaultyTcpProxy implements AutoCloseable {

    /** What to do to one connection, counted in bytes of the answer (target to client). */
    record Faults(OptionalLong cutAfter, OptionalLong corruptAt, OptionalLong stallAt, Duration stall) {
        static Faults none() {
            return new Faults(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), Duration.ZERO);
        }

        static Faults cutAfter(long bytes) {
            return new Faults(OptionalLong.of(bytes), OptionalLong.empty(), OptionalLong.empty(), Duration.ZERO);
        }

        static Faults corruptAt(long byteIndex) {
            return new Faults(OptionalLong.empty(), OptionalLong.of(byteIndex), OptionalLong.empty(), Duration.ZERO);
        }

        static Faults stallAt(long byteIndex, Duration howLong) {
            return new Faults(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(byteIndex), howLong);
        }
    }

    /** Decides the faults of the {@code n}-th connection (from 1), drawing from the proxy's seeded random source. */
    @FunctionalInterface
    interface FaultPlan {
        Faults forConnection(int n, Random random);

        static FaultPlan none() {
            return (n, random) -> Faults.none();
        }

        /** Cuts every connection somewhere in its first {@code maxBytes} bytes of answer. */
        static FaultPlan cutEachWithin(long maxBytes) {
            return (n, random) -> Faults.cutAfter(1 + (long) (random.nextDouble() * maxBytes));
        }
    }

    private final ServerSocket server;
    private final Random random;
    private volatile int targetPort;
    private volatile FaultPlan plan;
    private volatile boolean refusing;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicInteger corruptions = new AtomicInteger();
    private final AtomicLong bytesToClients = new AtomicLong();
    private final List<Socket> open = new ArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    FaultyTcpProxy(int targetPort, long seed, FaultPlan plan) throws IOException {
        this.targetPort = targetPort;
        this.random = new Random(seed);
        this.plan = plan;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "faulty-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void retarget(int newTargetPort) {
        this.targetPort = newTargetPort;
    }

    void plan(FaultPlan newPlan) {
        this.plan = newPlan;
    }

    /** While refusing, new connections are closed at once (a camera that went away); open ones are cut too. */
    void refuse(boolean refuse) {
        this.refusing = refuse;
        if (refuse) {
            cutAll();
        }
    }

    int connections() {
        return connections.get();
    }

    /** Connections this proxy cut on purpose (not those the client or target closed). */
    int cuts() {
        return cuts.get();
    }

    int corruptions() {
        return corruptions.get();
    }

    long bytesToClients() {
        return bytesToClients.get();
    }

    /** Cuts every open connection now (each counted once, by its client side). */
    void cutAll() {
        List<Socket> sockets;
        synchronized (open) {
            sockets = List.copyOf(open);
        }
        for (Socket socket : sockets) {
            if (!socket.isClosed()) {
                cuts.incrementAndGet();
                abort(socket);
            }
        }
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            int n = connections.incrementAndGet();
            if (refusing) {
                abort(client);
                continue;
            }
            Faults faults;
            synchronized (random) {
                faults = plan.forConnection(n, random);
            }
            Thread thread = new Thread(() -> connect(client, faults), "faulty-proxy-" + n);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void connect(Socket client, Faults faults) {
        Socket target;
        try {
            target = new Socket();
            target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
        } catch (IOException e) {
            abort(client);
            return;
        }
        track(client);
        Thread upstream = new Thread(() -> pump(client, target, Faults.none(), false), "faulty-proxy-up");
        upstream.setDaemon(true);
        upstream.start();
        pump(target, client, faults, true);
    }

    /** Copies {@code from} to {@code to} applying {@code faults}; when either side ends, both are closed. */
    private void pump(Socket from, Socket to, Faults faults, boolean towardsClient) {
        byte[] buffer = new byte[16 * 1024];
        long sent = 0;
        boolean stalled = false;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            while (true) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                int length = read;
                if (faults.cutAfter().isPresent()) {
                    long left = faults.cutAfter().getAsLong() - sent;
                    if (left < length) {
                        out.write(buffer, 0, (int) Math.max(0, left));
                        out.flush();
                        count(towardsClient, Math.max(0, left));
                        cuts.incrementAndGet();
                        // An orderly end after exactly the planned bytes (a reset could drop some still in flight):
                        // the client sees an answer that stops short.
                        to.shutdownOutput();
                        abort(from);
                        return;
                    }
                }
                if (faults.corruptAt().isPresent()) {
                    long at = faults.corruptAt().getAsLong() - sent;
                    if (at >= 0 && at < length) {
                        buffer[(int) at] ^= 0x5A;
                        corruptions.incrementAndGet();
                    }
                }
                if (!stalled && faults.stallAt().isPresent() && faults.stallAt().getAsLong() < sent + length) {
                    int before = (int) Math.max(0, faults.stallAt().getAsLong() - sent);
                    out.write(buffer, 0, before);
                    out.flush();
                    Thread.sleep(faults.stall().toMillis());
                    out.write(buffer, before, length - before);
                    stalled = true;
                } else {
                    out.write(buffer, 0, length);
                }
                out.flush();
                sent += length;
                count(towardsClient, length);
            }
            close(to);
        } catch (IOException | InterruptedException e) {
            // The other side went away, or we cut it: both ends close below.
        } finally {
            close(from);
            close(to);
        }
    }

    private void count(boolean towardsClient, long bytes) {
        if (towardsClient) {
            bytesToClients.addAndGet(bytes);
        }
    }

    private void track(Socket socket) {
        synchronized (open) {
            open.removeIf(Socket::isClosed);
            open.add(socket);
        }
    }

    /** Closes with a reset (SO_LINGER 0): the peer sees a cut connection, not an orderly end. */
    private static void abort(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // Already closed.
        }
        close(socket);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing left to do with it.
        }
    }

    @Override
    public void close() {
        closed = true;
        close(server);
        cutAll();
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing left to do with it.
        }
    }
}
