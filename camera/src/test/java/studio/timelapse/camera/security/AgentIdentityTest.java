package studio.timelapse.camera.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.testing.RecordingLog;

class AgentIdentityTest {
    @TempDir
    Path home;
    final RecordingLog recording = new RecordingLog();
    final Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), java.time.ZoneOffset.UTC);

    @AfterEach
    void closeLog() {
        recording.close();
    }

    private Path folder() {
        return home.resolve("identity");
    }

    private AgentIdentity loadOrCreate() {
        return AgentIdentity.loadOrCreate(folder(), "campi", clock, recording.log());
    }

    @Test
    void theFirstStartMakesAnEcKeyAndASelfSignedCertificateOnlyTheOwnerCanRead() throws Exception {
        AgentIdentity identity = loadOrCreate();

        X509Certificate certificate = identity.certificate();
        certificate.verify(certificate.getPublicKey());
        assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(256);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(Files.getPosixFilePermissions(folder().resolve("agent-key.pem")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(folder())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.readString(folder().resolve("agent-cert.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(recording.ofType("camera:identity:create")).last()
                .satisfies(m -> assertThat(m.get("fingerprint")).isEqualTo(identity.fingerprint().colonHex()));
    }

    @Test
    void theCertificateNamesTheHostItsMdnsNameLocalhostAndBothLoopbackAddresses() throws Exception {
        List<String> names = loadOrCreate().certificate().getSubjectAlternativeNames().stream()
                .map(name -> String.valueOf(name.get(1))).toList();

        assertThat(names).containsExactly("campi", "campi.local", "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void aHostNameThatIsNoDnsNameIsLeftOut() {
        assertThat(SelfSignedCertificate.alternativeNames("my_pi").getNames()).hasSize(3);
        assertThat(SelfSignedCertificate.alternativeNames("pi.example.org").getNames()).hasSize(4);
    }

    @Test
    void laterStartsLoadTheSameIdentity() {
        AgentIdentity first = loadOrCreate();

        AgentIdentity again = loadOrCreate();

        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(again.agentId()).isEqualTo(first.agentId()).startsWith("camera-");
        assertThat(recording.ofType("camera:identity:create")).hasSize(2); // started and succeeded, once
        assertThat(recording.ofType("camera:identity:load")).hasSize(2);
    }

    @Test
    void aCorruptKeyIsReportedAndNeverReplacedByANewIdentity() throws Exception {
        loadOrCreate();
        Path key = folder().resolve("agent-key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(this::loadOrCreate)
                .isInstanceOf(IdentityUnreadableException.class)
                .hasMessageContaining(folder().toString())
                .hasMessageContaining("agent-key.pem is not an EC private key")
                .hasMessageContaining("pairing every studio again")
                .hasMessageContaining("mv " + folder() + " " + folder() + ".broken");
        assertThat(Files.readString(key)).contains("broken");
    }

    @Test
    void aMissingCertificateIsReported() throws Exception {
        loadOrCreate();
        Files.delete(folder().resolve("agent-cert.pem"));

        assertThatThrownBy(this::loadOrCreate).isInstanceOf(IdentityUnreadableException.class)
                .hasMessageContaining("agent-cert.pem is missing");
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificateIsReported() throws Exception {
        loadOrCreate();
        AgentIdentity.loadOrCreate(home.resolve("other"), "campi", clock, recording.log());
        Files.copy(home.resolve("other/agent-key.pem"), folder().resolve("agent-key.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(this::loadOrCreate).isInstanceOf(IdentityUnreadableException.class)
                .hasMessageContaining("agent-key.pem is not the key of agent-cert.pem");
    }

    @Test
    void aKeyFileOthersCouldReadIsMadeOwnerOnlyAgain() throws Exception {
        loadOrCreate();
        Path key = folder().resolve("agent-key.pem");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        loadOrCreate();

        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(recording.ofType("camera:identity:permissions_tightened")).hasSize(1);
    }

    @Test
    void whatACrashedFirstStartLeftBehindIsRemoved() throws Exception {
        Path leftover = Files.createDirectories(home.resolve("identity.new-12345"));
        Files.writeString(leftover.resolve("agent-key.pem"), "half a key");

        loadOrCreate();

        assertThat(leftover).doesNotExist();
        assertThat(folder().resolve("agent-key.pem")).exists();
    }
}
