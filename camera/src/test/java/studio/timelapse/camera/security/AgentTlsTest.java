package studio.timelapse.camera.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.tls.PinnedTrustManager;

/** The TLS the agent speaks, as a client that offers everything the JDK has sees it: the agent's order wins. */
class AgentTlsTest {
    static final CipherOrder AES_FIRST = new CipherOrder(CipherOrder.First.AES_GCM, "test: fast AES");
    static final CipherOrder CHACHA_FIRST = new CipherOrder(CipherOrder.First.CHACHA20_POLY1305, "test: slow AES");

    @TempDir
    Path home;

    /** The suite negotiated with a client that offers every suite, in the order {@code clientOrder} gives. */
    private String negotiated(SecuredAgent agent, String protocol, Comparator<String> clientOrder) throws Exception {
        var context = PinnedTrustManager.pinnedTo(agent.security.identity().fingerprint()).sslContext();
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", agent.app.port())) {
            socket.setEnabledProtocols(new String[] {protocol});
            String[] suites = socket.getSupportedCipherSuites();
            Arrays.sort(suites, clientOrder);
            socket.setEnabledCipherSuites(suites);
            socket.startHandshake();
            return socket.getSession().getCipherSuite();
        }
    }

    @Test
    void anAgentWithFastAesChoosesAesGcmOverAClientsPreferenceForChaCha20() throws Exception {
        try (SecuredAgent agent = SecuredAgent.startWith(home, security -> security.cipherOrder(AES_FIRST))) {
            assertThat(negotiated(agent, "TLSv1.3", CipherOrder.CHACHA20_FIRST)).isEqualTo("TLS_AES_256_GCM_SHA384");
            assertThat(negotiated(agent, "TLSv1.2", CipherOrder.CHACHA20_FIRST))
                    .isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        }
    }

    @Test
    void anAgentWithoutFastAesChoosesChaCha20Poly1305OverAClientsPreferenceForAesGcm() throws Exception {
        try (SecuredAgent agent = SecuredAgent.startWith(home, security -> security.cipherOrder(CHACHA_FIRST))) {
            assertThat(negotiated(agent, "TLSv1.3", CipherOrder.AES_GCM_FIRST))
                    .isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
            assertThat(negotiated(agent, "TLSv1.2", CipherOrder.AES_GCM_FIRST))
                    .isEqualTo("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
        }
    }

    @Test
    void byDefaultTheAgentNegotiatesWhatItsOwnJvmRunsFastestAndSaysSoOnceAtStart() throws Exception {
        CipherOrder forThisJvm = CipherOrder.forThisJvm();
        try (SecuredAgent agent = SecuredAgent.start(home)) {
            Comparator<String> theOtherFirst = forThisJvm.first() == CipherOrder.First.AES_GCM
                    ? CipherOrder.CHACHA20_FIRST : CipherOrder.AES_GCM_FIRST;
            String suite = negotiated(agent, "TLSv1.3", theOtherFirst);

            assertThat(suite).contains(forThisJvm.first() == CipherOrder.First.AES_GCM ? "_GCM_" : "CHACHA20");
            assertThat(agent.recording.ofType("camera:tls:cipher_order")).singleElement().satisfies(message -> {
                assertThat(message.get("first")).isEqualTo(forThisJvm.first().name());
                assertThat(message.get("reason")).isEqualTo(forThisJvm.reason());
            });
        }
    }

    @Test
    void aClientWithoutChaCha20StillGetsAesGcm() throws Exception {
        try (SecuredAgent agent = SecuredAgent.startWith(home, security -> security.cipherOrder(CHACHA_FIRST))) {
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
