package studio.timelapse.camera.pairing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.protocol.pairing.PairingRequest;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;
import studio.timelapse.shared.tls.Pem;

/** Per test: the pairing tables in a fresh database file, a manual clock, a recording log, windows and the service. */
final class PairingFixture implements BeforeEachCallback, AfterEachCallback {
    final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
    final RecordingLog recording = new RecordingLog(clock, clock);
    Path folder;
    SqliteDatabase db;
    PairingWindows windows;
    PairingService service;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("pairing-test");
        db = SqliteDatabase.open(folder.resolve("agent.db"));
        PairingTables.migrate(db);
        windows = new PairingWindows(db, recording.log(), clock);
        service = new PairingService(db, recording.log(), clock, windows);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        db.close();
        recording.close();
        try (var files = Files.walk(folder)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A well-formed request from a studio with a fresh key. */
    static PairingRequest request(String code, String studioName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new PairingRequest(code, studioName,
                    Pem.encode(Pem.PUBLIC_KEY, generator.generateKeyPair().getPublic().getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
