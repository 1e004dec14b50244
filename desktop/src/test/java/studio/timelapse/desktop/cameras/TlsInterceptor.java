package studio.timelapse.desktop.cameras;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLServerSocket;
import studio.timelapse.camera.security.AgentIdentity;
import studio.timelapse.desktop.cameras.client.AgentAddress;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.tls.CertificateFingerprint;
import studio.timelapse.shared.tls.PinnedTrustManager;

/**
 * A device in the middle, on loopback: it answers TLS with a certificate of its own and relays every byte to the real
 * agent over a TLS connection of its own. What the studio sends reaches the agent and the agent's answers come back;
 * only the certificate the studio sees is not the agent's.
 */
public final class TlsInterceptor implements AutoCloseable {
    private final SSLServerSocket server;
    private final AgentAddress target;
    private final CertificateFingerprint fingerprint;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private TlsInterceptor(SSLServerSocket server, AgentAddress target, CertificateFingerprint fingerprint) {
        this.server = server;
        this.target = target;
        this.fingerprint = fingerprint;
    }

    /** Relays to {@code target}, presenting a certificate of an identity made in {@code identityFolder}. */
    public static TlsInterceptor relayingTo(AgentAddress target, Path identityFolder, ActionLog log)
            throws IOException {
        AgentIdentity own = AgentIdentity.loadOrCreate(identityFolder, "interceptor", Clock.systemUTC(), log);
        SSLServerSocket server = (SSLServerSocket) own.sslContext().getServerSocketFactory()
                .createServerSocket(0, 16, InetAddress.getLoopbackAddress());
        TlsInterceptor interceptor = new TlsInterceptor(server, target, own.fingerprint());
        Thread acceptor = new Thread(interceptor::accept, "tls-interceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        return interceptor;
    }

    public AgentAddress address() {
        return AgentAddress.of("127.0.0.1", server.getLocalPort());
    }

    /** The certificate it presents. */
    public CertificateFingerprint fingerprint() {
        return fingerprint;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket agent = PinnedTrustManager.observingFirstContact().sslContext().getSocketFactory()
                        .createSocket(target.host(), target.port());
                sockets.add(client);
                sockets.add(agent);
                pump(client, agent);
                pump(agent, client);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side hung up
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tls-interceptor-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(TlsInterceptor::closeQuietly);
    }
}
