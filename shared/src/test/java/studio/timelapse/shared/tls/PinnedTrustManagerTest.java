package studio.timelapse.shared.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

/** The trust decisions themselves; camera's pairing tests run them in real TLS handshakes. */
class PinnedTrustManagerTest {
    private static final CertificateFingerprint ONE = CertificateFingerprint.of(TestCertificates.one());

    @Test
    void aPinnedManagerTrustsThePinnedCertificate() throws Exception {
        PinnedTrustManager trust = PinnedTrustManager.pinnedTo(ONE);

        trust.checkServerTrusted(new X509Certificate[] {TestCertificates.one()}, "ECDHE_ECDSA");

        assertThat(trust.lastSeen()).contains(ONE);
    }

    @Test
    void aPinnedManagerRefusesAnyOtherCertificateAndNamesBothFingerprints() {
        PinnedTrustManager trust = PinnedTrustManager.pinnedTo(ONE);
        CertificateFingerprint two = CertificateFingerprint.of(TestCertificates.two());

        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {TestCertificates.two()}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining(two.colonHex())
                .hasMessageContaining(ONE.colonHex())
                .hasMessageContaining("pair it again");
        assertThat(trust.lastSeen()).contains(two);
    }

    @Test
    void onlyTheLeafCountsNotWhatFollowsInTheChain() {
        PinnedTrustManager trust = PinnedTrustManager.pinnedTo(ONE);

        assertThatThrownBy(() -> trust.checkServerTrusted(
                new X509Certificate[] {TestCertificates.two(), TestCertificates.one()}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void anEmptyChainIsRefused() {
        assertThatThrownBy(() -> PinnedTrustManager.pinnedTo(ONE).checkServerTrusted(new X509Certificate[0], "EC"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("no certificate");
        assertThatThrownBy(() -> PinnedTrustManager.observingFirstContact().checkServerTrusted(null, "EC"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void anObservingManagerTrustsAnyServerAndRemembersWhatItSaw() throws Exception {
        PinnedTrustManager trust = PinnedTrustManager.observingFirstContact();
        assertThat(trust.lastSeen()).isEmpty();

        trust.checkServerTrusted(new X509Certificate[] {TestCertificates.two()}, "ECDHE_ECDSA");

        assertThat(trust.lastSeen()).contains(CertificateFingerprint.of(TestCertificates.two()));
    }

    @Test
    void clientsAreNeverTrusted() {
        assertThatThrownBy(() -> PinnedTrustManager.pinnedTo(ONE)
                .checkClientTrusted(new X509Certificate[] {TestCertificates.one()}, "EC"))
                .isInstanceOf(CertificateException.class);
    }
}
