package studio.timelapse.shared.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CertificateFingerprintTest {

    @Test
    void colonHexIsWhatOpensslPrints() {
        assertThat(CertificateFingerprint.of(TestCertificates.one()).colonHex())
                .isEqualTo(TestCertificates.ONE_OPENSSL_FINGERPRINT);
    }

    @Test
    void shortFormIsTheFirstTwentyHexDigitsInGroupsOfFour() {
        assertThat(CertificateFingerprint.of(TestCertificates.one()).shortForm()).isEqualTo("6DF3-D213-9941-262D-7B16");
    }

    @Test
    void parseAcceptsColonHexAndPlainHexInEitherCase() {
        CertificateFingerprint expected = CertificateFingerprint.of(TestCertificates.one());

        assertThat(CertificateFingerprint.parse(TestCertificates.ONE_OPENSSL_FINGERPRINT)).isEqualTo(expected);
        assertThat(CertificateFingerprint.parse(" " + expected.sha256Hex().toUpperCase() + "\n")).isEqualTo(expected);
    }

    @Test
    void parseRefusesAnythingButThirtyTwoBytesOfHex() {
        assertThatThrownBy(() -> CertificateFingerprint.parse("6D:F3:D2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes in hex");
        assertThatThrownBy(() -> CertificateFingerprint.parse("zz".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesOnlyItsOwnCertificate() {
        CertificateFingerprint one = CertificateFingerprint.of(TestCertificates.one());

        assertThat(one.matches(TestCertificates.one())).isTrue();
        assertThat(one.matches(TestCertificates.two())).isFalse();
    }

    @Test
    void pemRoundTripsTheDerBytes() throws Exception {
        byte[] der = TestCertificates.one().getEncoded();
        String pem = Pem.encode(Pem.CERTIFICATE, der);

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(pem.lines().filter(line -> !line.startsWith("-----"))).allMatch(line -> line.length() <= 64);
        assertThat(Pem.decode(Pem.CERTIFICATE, pem)).isEqualTo(der);
    }

    @Test
    void pemSaysWhatIsWrong() {
        String certificate = Pem.encode(Pem.CERTIFICATE, new byte[] {1, 2, 3});

        assertThatThrownBy(() -> Pem.decode(Pem.PUBLIC_KEY, certificate))
                .hasMessage("expected a PEM PUBLIC KEY, found a CERTIFICATE");
        assertThatThrownBy(() -> Pem.decode(Pem.PUBLIC_KEY, "MFkwEwYHKoZIzj0CAQ"))
                .hasMessageContaining("-----BEGIN PUBLIC KEY-----");
        assertThatThrownBy(() -> Pem.decode(Pem.CERTIFICATE,
                "-----BEGIN CERTIFICATE-----\nAB=C\n-----END CERTIFICATE-----"))
                .hasMessageContaining("not valid base64");
    }
}
