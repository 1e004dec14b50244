package studio.timelapse.bench.agent;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code curl} fetching frames from the agent in one process (one kept-alive connection, one transfer after the
 * other, bodies to {@code /dev/null}), as a second client of the same server. It trusts the agent's certificate
 * ({@code --cacert}, which names 127.0.0.1) and pins its public key ({@code --pinnedpubkey}); the token goes in a
 * config file readable only by its owner, not on the command line.
 */
final class CurlFetch {
    private final Path certificate;
    private final Path workFolder;

    /** Bytes and HTTP statuses curl reported, one entry per URL. */
    record Outcome(long bytes, List<Integer> statuses) {}

    CurlFetch(Path certificate, Path workFolder) {
        this.certificate = certificate;
        this.workFolder = workFolder;
    }

    Outcome fetch(List<URI> urls, String accessToken) throws IOException, InterruptedException {
        Path config = workFolder.resolve("curl.config");
        Files.deleteIfExists(config);
        Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        StringBuilder text = new StringBuilder()
                .append("silent\nshow-error\n")
                .append("cacert = \"").append(certificate).append("\"\n")
                .append("pinnedpubkey = \"sha256//").append(publicKeySha256(certificate)).append("\"\n")
                .append("header = \"Authorization: Bearer ").append(accessToken).append("\"\n")
                .append("write-out = \"%{http_code} %{size_download}\\n\"\n");
        for (URI url : urls) {
            text.append("url = \"").append(url).append("\"\noutput = \"/dev/null\"\n");
        }
        Files.writeString(config, text, StandardCharsets.UTF_8);
        Process curl = new ProcessBuilder("curl", "--config", config.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        int exit = curl.waitFor();
        Files.delete(config);
        if (exit != 0) {
            throw new IOException("curl failed with exit code " + exit);
        }
        long bytes = 0;
        List<Integer> statuses = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            String[] parts = line.trim().split(" ");
            statuses.add(Integer.parseInt(parts[0]));
            bytes += Long.parseLong(parts[1]);
        }
        return new Outcome(bytes, statuses);
    }

    /** curl's {@code --pinnedpubkey} form: base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo. */
    static String publicKeySha256(Path certificatePem) throws IOException {
        try (var in = Files.newInputStream(certificatePem)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
            return Base64.getEncoder().encodeToString(digest);
        } catch (CertificateException | NoSuchAlgorithmException e) {
            throw new IOException("cannot read the agent's certificate " + certificatePem + ": " + e.getMessage(), e);
        }
    }
}
