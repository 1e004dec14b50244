package studio.timelapse.camera.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.tls.CertificateFingerprint;

/**
 * Who this camera is: an EC P-256 key pair and a self-signed certificate, made on the first start and kept in
 * {@code <agent home>/identity} ({@link IdentityFiles}). The certificate's fingerprint is what studios pin; the key
 * signs the TLS handshakes and the access tokens.
 */
public final class AgentIdentity {
    private final ECPrivateKey privateKey;
    private final X509Certificate certificate;
    private final CertificateFingerprint fingerprint;

    private AgentIdentity(ECPrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.fingerprint = CertificateFingerprint.of(certificate);
    }

    /**
     * Loads the identity in {@code folder}, or makes one if the folder does not exist.
     *
     * @param hostName goes into the certificate's names; read without a DNS look-up
     * @throws IdentityUnreadableException if the folder exists but does not hold a usable identity
     */
    public static AgentIdentity loadOrCreate(Path folder, String hostName, Clock clock, ActionLog log) {
        if (Files.exists(folder)) {
            return load(folder, log);
        }
        return log.call("camera:identity:create", Map.of("folder", folder.toString(), "host", hostName), action -> {
            try {
                List<Path> leftovers = IdentityFiles.removeLeftovers(folder);
                if (!leftovers.isEmpty()) {
                    action.log("camera:identity:leftovers_removed", "folders", leftovers.toString());
                }
                SecureRandom random = new SecureRandom();
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
                KeyPair keys = generator.generateKeyPair();
                X509Certificate certificate = SelfSignedCertificate.create(keys, hostName, clock.instant(), random);
                IdentityFiles.write(folder, keys.getPrivate(), certificate);
                AgentIdentity identity = new AgentIdentity((ECPrivateKey) keys.getPrivate(), certificate);
                action.addSuccessFields("fingerprint", identity.fingerprint().colonHex(), "agent_id",
                        identity.agentId());
                return identity;
            } catch (FileAlreadyExistsException e) {
                action.log("camera:identity:made_elsewhere", "folder", folder.toString());
                return load(folder, log); // another process won the first start; use its identity
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the camera's new identity to " + folder + ": "
                        + e.getMessage(), e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this Java runtime cannot make EC P-256 keys: " + e.getMessage(), e);
            }
        });
    }

    private static AgentIdentity load(Path folder, ActionLog log) {
        return log.call("camera:identity:load", Map.of("folder", folder.toString()), action -> {
            IdentityFiles.Loaded loaded = IdentityFiles.read(folder);
            if (loaded.permissionsTightened()) {
                action.log("camera:identity:permissions_tightened", "file", IdentityFiles.KEY_FILE, "mode", "0600");
            }
            AgentIdentity identity = new AgentIdentity(loaded.key(), loaded.certificate());
            action.addSuccessFields("fingerprint", identity.fingerprint().colonHex(), "agent_id", identity.agentId());
            return identity;
        });
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public CertificateFingerprint fingerprint() {
        return fingerprint;
    }

    /** A stable id derived from the certificate: the issuer of this agent's tokens. */
    public String agentId() {
        return "camera-" + fingerprint.sha256Hex().substring(0, 16);
    }

    ECPublicKey publicKey() {
        return (ECPublicKey) certificate.getPublicKey();
    }

    ECPrivateKey privateKey() {
        return privateKey;
    }

    /** A server-side TLS context that presents this identity: what Jetty serves HTTPS with. */
    public SSLContext sslContext() {
        try {
            // The store never leaves memory, so its password only has to exist; the key file's mode protects the key.
            char[] password = java.util.UUID.randomUUID().toString().toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("agent", privateKey, password, new Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            // No trust managers: the agent never asks for client certificates, and null would load the JDK's
            // whole CA store (some 140 certificates, a megabyte or two of an idle agent's heap) for nothing.
            context.init(keyManagers.getKeyManagers(), new javax.net.ssl.TrustManager[0], null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS context of the camera's identity: "
                    + e.getMessage(), e);
        }
    }
}
