package studio.timelapse.desktop.cameras.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.protocol.pairing.TokenProof;
import studio.timelapse.shared.testing.RecordingLog;
import studio.timelapse.shared.tls.Pem;

class StudioIdentityTest {
    @TempDir
    Path library;

    private final RecordingLog recording = new RecordingLog();

    @AfterEach
    void closeLog() {
        recording.close();
    }

    @Test
    void isMadeOnFirstUseAsPrivatePemFilesAndTheSameKeyComesBack() throws Exception {
        StudioIdentity made = StudioIdentity.loadOrCreate(library, recording.log());
        Path folder = library.resolve("studio-identity");
        Path key = folder.resolve("studio-key.pem");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        try (var left = Files.list(library)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("studio-identity");
        }

        StudioIdentity loaded = StudioIdentity.loadOrCreate(library, recording.log());
        assertThat(loaded.publicKeyPem()).isEqualTo(made.publicKeyPem());
        TokenProof proof = new TokenProof("AB:CD", "studio-1", UUID.randomUUID().toString());
        assertThat(proof.verify(made.publicKey(), loaded.sign(proof))).isTrue();
        assertThat(recording.ofType("studio:identity:create")).hasSize(2);
        assertThat(recording.ofType("studio:identity:load")).hasSize(2);
    }

    @Test
    void aMovedLibraryKeepsItsIdentity() throws Exception {
        StudioIdentity made = StudioIdentity.loadOrCreate(library.resolve("old"), recording.log());
        Files.move(library.resolve("old"), library.resolve("new"));
        assertThat(StudioIdentity.loadOrCreate(library.resolve("new"), recording.log()).keyHash())
                .isEqualTo(made.keyHash());
    }

    @Test
    void aLooseKeyFileIsMadePrivateAgain() throws Exception {
        StudioIdentity.loadOrCreate(library, recording.log());
        Path key = library.resolve("studio-identity/studio-key.pem");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        StudioIdentity.loadOrCreate(library, recording.log());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(recording.ofType("studio:identity:permissions_tightened")).hasSize(1);
    }

    @Test
    void aDamagedIdentityIsNeverReplacedSilently() throws Exception {
        StudioIdentity.loadOrCreate(library, recording.log());
        Path key = library.resolve("studio-identity/studio-key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> StudioIdentity.loadOrCreate(library, recording.log()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot be used")
                .hasMessageContaining("pair every camera again");
        assertThat(Files.readString(key)).contains("AAAA");
    }

    @Test
    void aKeyThatIsNotThePublicKeysPartnerIsRefused() throws Exception {
        StudioIdentity.loadOrCreate(library.resolve("a"), recording.log());
        StudioIdentity other = StudioIdentity.loadOrCreate(library.resolve("b"), recording.log());
        Files.writeString(library.resolve("a/studio-identity/studio-public-key.pem"),
                Pem.encode(Pem.PUBLIC_KEY, other.publicKey().getEncoded()));
        assertThatThrownBy(() -> StudioIdentity.loadOrCreate(library.resolve("a"), recording.log()))
                .hasMessageContaining("not one key pair");
    }

    @Test
    void aMissingKeyFileIsNamed() throws Exception {
        StudioIdentity.loadOrCreate(library, recording.log());
        Files.delete(library.resolve("studio-identity/studio-key.pem"));
        assertThatThrownBy(() -> StudioIdentity.loadOrCreate(library, recording.log()))
                .hasMessageContaining("studio-key.pem is missing");
    }
}
