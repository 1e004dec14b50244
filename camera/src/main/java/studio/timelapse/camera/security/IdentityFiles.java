package studio.timelapse.camera.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import studio.timelapse.shared.tls.Pem;

/**
 * The identity folder on disk: {@code agent-key.pem} (PKCS#8, owner-only) and {@code agent-cert.pem}. PEM, so that
 * {@code openssl} can inspect it and a backup is two text files. A new identity is written into a fresh sibling
 * folder and renamed into place, so the folder either holds a whole identity or does not exist: a missing folder is
 * a first start; anything wrong with an existing one is an error, never a reason to make a new identity.
 */
final class IdentityFiles {
    static final String KEY_FILE = "agent-key.pem";
    static final String CERTIFICATE_FILE = "agent-cert.pem";
    private static final String NEW_FOLDER_INFIX = ".new-";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    record Loaded(ECPrivateKey key, X509Certificate certificate, boolean permissionsTightened) {}

    private IdentityFiles() {}

    /**
     * Writes a new identity as {@code folder}, atomically.
     *
     * @throws FileAlreadyExistsException if another process made the folder first; read that one instead
     */
    static void write(Path folder, PrivateKey key, X509Certificate certificate) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        boolean posix = isPosix(parent);
        Path fresh = posix
                ? Files.createTempDirectory(parent, folder.getFileName() + NEW_FOLDER_INFIX,
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER))
                : Files.createTempDirectory(parent, folder.getFileName() + NEW_FOLDER_INFIX);
        try {
            writeFile(fresh.resolve(KEY_FILE), Pem.encode(Pem.PRIVATE_KEY, key.getEncoded()), posix);
            writeFile(fresh.resolve(CERTIFICATE_FILE), Pem.encode(Pem.CERTIFICATE, certificate.getEncoded()), posix);
            try {
                Files.move(fresh, folder.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(fresh, folder.toAbsolutePath());
            }
            syncFolder(parent);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encode the new identity: " + e.getMessage(), e);
        } finally {
            deleteQuietly(fresh);
        }
    }

    /** Reads the identity in {@code folder}, which exists. */
    static Loaded read(Path folder) {
        X509Certificate certificate = readCertificate(folder);
        ECPrivateKey key = readKey(folder);
        if (!belongTogether(key, certificate)) {
            throw new IdentityUnreadableException(folder, KEY_FILE + " is not the key of " + CERTIFICATE_FILE, null);
        }
        return new Loaded(key, certificate, tightenPermissions(folder.resolve(KEY_FILE)));
    }

    /** Half-written folders a crash left behind; they hold private keys, so they go. */
    static List<Path> removeLeftovers(Path folder) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return removed;
        }
        String prefix = folder.getFileName() + NEW_FOLDER_INFIX;
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path sibling : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                deleteQuietly(sibling);
                removed.add(sibling);
            }
        }
        return removed;
    }

    private static X509Certificate readCertificate(Path folder) {
        byte[] text = readFile(folder, CERTIFICATE_FILE);
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(text));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IdentityUnreadableException(folder, CERTIFICATE_FILE + " is not a certificate ("
                    + e.getMessage() + ")", e);
        }
    }

    private static ECPrivateKey readKey(Path folder) {
        String text = new String(readFile(folder, KEY_FILE), StandardCharsets.US_ASCII);
        try {
            byte[] der = Pem.decode(Pem.PRIVATE_KEY, text);
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IdentityUnreadableException(folder, KEY_FILE + " is not an EC private key ("
                    + e.getMessage() + ")", e);
        }
    }

    private static byte[] readFile(Path folder, String name) {
        try {
            return Files.readAllBytes(folder.resolve(name));
        } catch (NoSuchFileException e) {
            throw new IdentityUnreadableException(folder, name + " is missing", e);
        } catch (IOException e) {
            throw new IdentityUnreadableException(folder, name + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A key file others may read (copied by hand, restored from a backup) is made owner-only again. */
    private static boolean tightenPermissions(Path keyFile) {
        if (!isPosix(keyFile)) {
            return false;
        }
        try {
            if (Files.getPosixFilePermissions(keyFile).equals(OWNER_ONLY_FILE)) {
                return false;
            }
            Files.setPosixFilePermissions(keyFile, OWNER_ONLY_FILE);
            return true;
        } catch (IOException e) {
            throw new IdentityUnreadableException(keyFile.getParent(), "the permissions of " + KEY_FILE
                    + " cannot be made owner-only (" + e.getMessage() + ")", e);
        }
    }

    private static void writeFile(Path file, String text, boolean posix) throws IOException {
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        Files.createFile(file, attributes);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
    }

    /** Makes the rename durable where the platform allows syncing a folder (Linux); elsewhere it is best effort. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; the rename is still atomic there.
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover that stays is removed at the next start (removeLeftovers).
        }
    }
}
