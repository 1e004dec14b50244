package studio.timelapse.shared.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a camera agent's self-signed certificate by its fingerprint instead of by a certificate authority.
 *
 * <p>{@link #pinnedTo} accepts exactly one certificate: the one pinned at pairing. Host names and validity dates are
 * deliberately not checked — the pin is the identity, a camera is reached by whatever address the network gives it,
 * and a Raspberry Pi without a real-time clock may believe it is 1970. {@link #observingFirstContact} accepts any
 * certificate and remembers its fingerprint; it is only for the pairing handshake, where a person compares that
 * fingerprint with the one the camera shows next to its pairing code.
 *
 * <p>Extending {@link X509ExtendedTrustManager} keeps the JDK from adding its own host-name check.
 */
public final class PinnedTrustManager extends X509ExtendedTrustManager {
    private final Optional<CertificateFingerprint> pin;
    private final AtomicReference<CertificateFingerprint> lastSeen = new AtomicReference<>();

    private PinnedTrustManager(Optional<CertificateFingerprint> pin) {
        this.pin = pin;
    }

    /** Trusts only the certificate with {@code fingerprint}. */
    public static PinnedTrustManager pinnedTo(CertificateFingerprint fingerprint) {
        return new PinnedTrustManager(Optional.of(Objects.requireNonNull(fingerprint, "fingerprint")));
    }

    /** Trusts any server certificate and remembers its fingerprint: for the pairing handshake only. */
    public static PinnedTrustManager observingFirstContact() {
        return new PinnedTrustManager(Optional.empty());
    }

    /** The fingerprint of the last certificate a server presented, accepted or not. */
    public Optional<CertificateFingerprint> lastSeen() {
        return Optional.ofNullable(lastSeen.get());
    }

    /** A TLS context that trusts what this trust manager trusts and presents no client certificate. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime offers TLS: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        CertificateFingerprint presented = CertificateFingerprint.of(chain[0]);
        lastSeen.set(presented);
        if (pin.isPresent() && !pin.get().matches(chain[0])) {
            throw new CertificateException("The camera presented the certificate " + presented.colonHex()
                    + ", but this studio trusts only " + pin.get().colonHex() + ", pinned when it paired. If the"
                    + " camera's identity was reset, pair it again; otherwise another device answers at its address.");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
