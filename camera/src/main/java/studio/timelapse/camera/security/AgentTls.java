package studio.timelapse.camera.security;

import io.javalin.config.JavalinConfig;
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
 * <p>The agent's order of cipher suites wins over the client's ({@code setUseCipherSuitesOrder}), and it puts first
 * whichever of AES-GCM and ChaCha20-Poly1305 its JVM runs faster ({@link CipherOrder}): ChaCha20-Poly1305 on a
 * Raspberry Pi 4 (no AES instructions) and under the agent's usual C1-only JIT, AES-GCM with C2 on a CPU with AES
 * instructions. Every client in use speaks both (the JDK since 12, curl, browsers).
 */
final class AgentTls {
    private AgentTls() {}

    static void addHttpsConnector(JavalinConfig config, AgentIdentity identity, CipherOrder order, String host,
            int port) {
        config.jetty.addConnector((server, httpConfiguration) -> {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setSslContext(identity.sslContext());
            tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            tls.setCipherComparator(order.comparator());
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
