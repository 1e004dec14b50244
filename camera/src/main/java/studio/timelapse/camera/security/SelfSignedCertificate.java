package studio.timelapse.camera.security;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The agent's self-signed TLS certificate. Studios trust it by fingerprint, not by a chain, so it never expires
 * (RFC 5280's "no well-defined expiration", 9999-12-31) — a renewal would change the fingerprint every studio
 * pinned. The subject alternative names are for tools that check names (curl, a browser); our studio does not.
 */
final class SelfSignedCertificate {
    private static final Instant NO_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");
    /** Valid from a day before it was made, for a clock that is a little behind. */
    private static final Duration BACKDATE = Duration.ofDays(1);

    private SelfSignedCertificate() {}

    static X509Certificate create(KeyPair keys, String hostName, Instant now, SecureRandom random) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "Timelapse camera " + hostName)
                .addRDN(BCStyle.O, "Timelapse Studio")
                .build();
        BigInteger serial = new BigInteger(127, random).add(BigInteger.ONE);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(BACKDATE).truncatedTo(ChronoUnit.SECONDS)), Date.from(NO_EXPIRY), subject,
                keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, alternativeNames(hostName));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the agent's certificate: " + e.getMessage(), e);
        }
    }

    /** The host name (and its mDNS name) when it is a valid DNS name, localhost, 127.0.0.1 and ::1. */
    static GeneralNames alternativeNames(String hostName) {
        List<GeneralName> names = new ArrayList<>();
        String host = hostName.strip().toLowerCase(java.util.Locale.ROOT);
        if (host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")
                && !host.equals("localhost")) {
            names.add(new GeneralName(GeneralName.dNSName, host));
            if (!host.contains(".")) {
                names.add(new GeneralName(GeneralName.dNSName, host + ".local"));
            }
        }
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }
}
