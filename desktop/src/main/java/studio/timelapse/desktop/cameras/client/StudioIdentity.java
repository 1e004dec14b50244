package studio.timelapse.desktop.cameras.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.pairing.TokenProof;
import studio.timelapse.shared.tls.Pem;

/**
 * The studio's own EC P-256 key pair: cameras know this studio by its public key (sent when pairing) and give it
 * tokens only for challenges signed with the private key. It lives in the library folder, so a library moved to
 * another machine keeps its pairings:
 *
 * <pre>
 * &lt;library&gt;/studio-identity/studio-key.pem          the private key, PKCS#8 PEM, 0600 (folder 0700)
 * &lt;library&gt;/studio-identity/studio-public-key.pem   the public key, SubjectPublicKeyInfo PEM
 * </pre>
 *
 * <p>Made on first use in a fresh sibling folder that is renamed into place, so the folder holds a whole identity or
 * does not exist (two processes racing keep the first one's). A folder that exists but cannot be used is an error
 * with a remedy, never silently replaced: every camera paired with the old key would refuse the new one.
 */
public final class StudioIdentity {
    public static final String FOLDER = "studio-identity";
    static final String PRIVATE_KEY_FILE = "studio-key.pem";
    static final String PUBLIC_KEY_FILE = "studio-public-key.pem";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final Path folder;
    private final KeyPair keys;

    private StudioIdentity(Path folder, KeyPair keys) {
        this.folder = folder;
        this.keys = keys;
    }

    /**
     * Loads the identity of the library in {@code libraryFolder}, making it on first use.
     *
     * @throws IOException when the identity folder exists but cannot be used (saying what is wrong and what to do),
     *     or cannot be written
     */
    public static StudioIdentity loadOrCreate(Path libraryFolder, ActionLog log) throws IOException {
        Path folder = libraryFolder.resolve(FOLDER);
        if (Files.isDirectory(folder)) {
            return load(folder, log);
        }
        try (Action action = log.start("studio:identity:create", "folder", folder.toString())) {
            try {
                StudioIdentity created = create(folder);
                action.addSuccessFields("key_hash", created.keyHash());
                return created;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                action.addSuccessFields("raced", true); // another process made it first: use theirs
                return load(folder, log);
            } catch (IOException e) {
                throw action.fail(e);
            } catch (RuntimeException e) {
                throw action.fail(e);
            }
        }
    }

    /** The public key as the pairing request sends it (SubjectPublicKeyInfo PEM). */
    public String publicKeyPem() {
        return Pem.encode(Pem.PUBLIC_KEY, keys.getPublic().getEncoded());
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** Signs a token proof for an agent's challenge. */
    public String sign(TokenProof proof) {
        return proof.sign(keys.getPrivate());
    }

    /** The first 16 hex digits of the SHA-256 of the public key: names this key in logs without showing it. */
    public String keyHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keys.getPublic().getEncoded());
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public Path folder() {
        return folder;
    }

    private static StudioIdentity load(Path folder, ActionLog log) throws IOException {
        try (Action action = log.start("studio:identity:load", "folder", folder.toString())) {
            try {
                Path privateFile = folder.resolve(PRIVATE_KEY_FILE);
                Path publicFile = folder.resolve(PUBLIC_KEY_FILE);
                tightenIfLoose(privateFile, log);
                KeyFactory factory = KeyFactory.getInstance("EC");
                PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(
                        Pem.decode(Pem.PRIVATE_KEY, read(privateFile))));
                PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(
                        Pem.decode(Pem.PUBLIC_KEY, read(publicFile))));
                if (!(publicKey instanceof ECPublicKey ec)
                        || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                    throw unusable(folder, "the public key is not an EC P-256 key");
                }
                KeyPair keys = new KeyPair(publicKey, privateKey);
                if (!belongTogether(keys)) {
                    throw unusable(folder, "the private and public key files are not one key pair");
                }
                StudioIdentity identity = new StudioIdentity(folder, keys);
                action.addSuccessFields("key_hash", identity.keyHash());
                return identity;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw action.fail(unusable(folder, e.getMessage()));
            } catch (IOException e) {
                throw action.fail(e);
            }
        }
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (java.nio.file.NoSuchFileException e) {
            throw unusable(file.getParent(), file.getFileName() + " is missing");
        } catch (java.nio.charset.MalformedInputException e) {
            throw unusable(file.getParent(), file.getFileName() + " is not PEM text");
        }
    }

    private static IOException unusable(Path folder, String what) {
        return new IOException("The studio's identity in " + folder + " cannot be used: " + what + ". Restore the"
                + " folder from a backup of the library; or move it away (mv " + folder + " " + folder
                + ".broken) so that a new identity is made, and then pair every camera again.");
    }

    private static boolean belongTogether(KeyPair keys) throws GeneralSecurityException {
        TokenProof probe = new TokenProof("self-check", "studio", UUID.randomUUID().toString());
        return probe.verify(keys.getPublic(), probe.sign(keys.getPrivate()));
    }

    private static StudioIdentity create(Path folder) throws IOException {
        KeyPair keys = generate();
        Path parent = folder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path fresh = parent.resolve(FOLDER + ".new-" + UUID.randomUUID());
        try {
            createPrivateFolder(fresh);
            writePrivate(fresh.resolve(PRIVATE_KEY_FILE), Pem.encode(Pem.PRIVATE_KEY, keys.getPrivate().getEncoded()));
            writePrivate(fresh.resolve(PUBLIC_KEY_FILE), Pem.encode(Pem.PUBLIC_KEY, keys.getPublic().getEncoded()));
            fsync(fresh);
            try {
                Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(fresh, folder);
            } catch (IOException e) {
                if (Files.isDirectory(folder)) {
                    throw new FileAlreadyExistsException(folder.toString()); // another process was first
                }
                throw e;
            }
            fsync(parent);
        } finally {
            deleteIfLeft(fresh);
        }
        return new StudioIdentity(folder, keys);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has EC P-256: " + e.getMessage(), e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void createPrivateFolder(Path folder) throws IOException {
        if (posix()) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        } else {
            Files.createDirectory(folder); // in the user's profile on Windows: private to the user
        }
    }

    private static void writePrivate(Path file, String text) throws IOException {
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } else {
            Files.createFile(file);
        }
        try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        }
        fsync(file);
    }

    private static void tightenIfLoose(Path privateFile, ActionLog log) throws IOException {
        if (!posix() || !Files.exists(privateFile)) {
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(privateFile);
        if (!now.equals(OWNER_ONLY_FILE)) {
            Files.setPosixFilePermissions(privateFile, OWNER_ONLY_FILE);
            log.message("studio:identity:permissions_tightened", "file", privateFile.toString(), "were",
                    PosixFilePermissions.toString(now));
        }
    }

    private static void fsync(Path path) {
        try (var channel = java.nio.channels.FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some systems cannot open a folder for fsync (Windows); the rename is still atomic there.
        }
    }

    private static void deleteIfLeft(Path fresh) throws IOException {
        if (!Files.exists(fresh)) {
            return;
        }
        try (Stream<Path> files = Files.list(fresh)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(fresh);
    }
}
