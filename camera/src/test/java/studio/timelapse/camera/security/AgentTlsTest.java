package studio.timelapse.camera.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.tls.PinnedTrustManager;

/** The TLS the agent speaks, as a client that offers everything the JDK has sees it. */
class AgentTlsTest {
    @TempDir
    Path home;

    private String negotiated(SecuredAgent agent, String protocol) throws Exception {
        var context = PinnedTrustManager.pinnedTo(agent.security.identity().fingerprint()).sslContext();
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", agent.app.port())) {
            socket.setEnabledProtocols(new String[] {protocol});
            // AES-GCM first, as the JDK and most clients offer it: the choice must be the agent's.
            socket.setEnabledCipherSuites(socket.getSupportedCipherSuites());
            socket.startHandshake();
            return socket.getSession().getCipherSuite();
        }
    }

    @Test
    void theAgentChoosesChaCha20Poly1305OverAesGcmWhichItsJitCannotSpeedUp() throws Exception {
        try (SecuredAgent agent = SecuredAgent.start(home)) {
            assertThat(negotiated(agent, "TLSv1.3")).isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
            assertThat(negotiated(agent, "TLSv1.2")).isEqualTo("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
        }
    }

    @Test
    void aClientWithoutChaCha20StillGetsAesGcm() throws Exception {
        try (SecuredAgent agent = SecuredAgent.start(home)) {
            var context = PinnedTrustManager.pinnedTo(agent.security.identity().fingerprint()).sslContext();
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1",
                    agent.app.port())) {
                socket.setEnabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"});
                socket.startHandshake();
                assertThat(socket.getSession().getCipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
            }
        }
    }
}
