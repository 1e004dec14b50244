package studio.timelapse.camera.security;

import io.javalin.config.JavalinConfig;
import java.util.Comparator;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS for the agent's Javalin app: one TLS connector (TLS 1.3 and 1.2, HTTP/1.1) presenting the agent's identity.
 * It is the app's only connector, so nothing is served in plain HTTP. SNI is neither required nor checked against
 * the certificate: studios reach a camera by whatever name or address the network gives it, and trust it by its
 * pinned fingerprint, not by a name.
 *
 * <p>The agent prefers ChaCha20-Poly1305 to AES-GCM: it runs with the C1 compiler only (to stay small), which has
 * none of the JVM's AES and GHASH intrinsics, so AES-GCM runs as plain Java — about 5 MB/s of one core on the
 * benchmark machine against 25 MB/s for ChaCha20-Poly1305 — and a Raspberry Pi 4 has no AES instructions at all.
 * Every client in use speaks it (the JDK since 12, curl, browsers); the others still get AES-GCM.
 */
final class AgentTls {
    /** ChaCha20-Poly1305 suites first; the JDK's own order otherwise (the sort is stable). */
    static final Comparator<String> CHACHA_FIRST = Comparator.comparing(suite -> !suite.contains("CHACHA20"));

    private AgentTls() {}

    static void addHttpsConnector(JavalinConfig config, AgentIdentity identity, String host, int port) {
        config.jetty.addConnector((server, httpConfiguration) -> {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setSslContext(identity.sslContext());
            tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            tls.setCipherComparator(CHACHA_FIRST);
            tls.setUseCipherSuitesOrder(true);
            tls.setSniRequired(false);
            HttpConfiguration https = new HttpConfiguration(httpConfiguration);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniRequired(false);
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            ServerConnector connector = new ServerConnector(server,
                    new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
            connector.setHost(host);
            connector.setPort(port);
            return connector;
        });
    }
}
