package studio.timelapse.shared.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Two self-signed EC certificates made with openssl, with the fingerprints openssl printed for them. */
final class TestCertificates {
    static final String ONE_OPENSSL_FINGERPRINT =
            "6D:F3:D2:13:99:41:26:2D:7B:16:E4:3C:C3:9A:CE:A0:DC:1E:CB:00:71:3F:A8:06:5F:0D:12:84:7C:A3:65:CA";

    private TestCertificates() {}

    static X509Certificate one() {
        return load("camera-one.pem");
    }

    static X509Certificate two() {
        return load("camera-two.pem");
    }

    private static X509Certificate load(String name) {
        try (InputStream in = TestCertificates.class.getResourceAsStream("/tls/" + name)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
