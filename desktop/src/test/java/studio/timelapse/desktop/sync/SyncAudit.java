package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import studio.timelapse.desktop.library.FrameFiles;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FramePage;

/**
 * The guarantee, checked after a run: the agent's frames and the library's, compared by sequence and hash, and the
 * files on the library's disk hashed again. Also: nothing the agent holds as acknowledged is missing from the
 * library, and no frame file lies in the library without its row.
 */
record SyncAudit(int agentFrames, int libraryFrames, List<String> missing, List<String> duplicated,
        List<String> mismatched, List<String> acknowledgedButNotStored, List<String> strayFiles) {

    /** Lists frames from the agent, page by page. */
    @FunctionalInterface
    interface AgentFrames {
        FramePage after(Optional<FrameId> cursor, int limit) throws IOException;
    }

    static SyncAudit of(AgentFrames agent, Library library, String cameraId) throws IOException {
        List<FrameInfo> onAgent = new ArrayList<>();
        Optional<FrameId> cursor = Optional.empty();
        do {
            FramePage page = agent.after(cursor, 1000);
            onAgent.addAll(page.frames());
            cursor = page.next();
        } while (cursor.isPresent());

        record Row(String id, String sha256, String path) {}
        List<Row> rows = library.database().read(connection -> {
            List<Row> all = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT epoch, seq, sha256, path FROM frame WHERE camera_id = ? ORDER BY epoch, seq")) {
                select.setString(1, cameraId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        all.add(new Row(rs.getString(1) + "-" + rs.getLong(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return all;
        });

        Map<String, Row> byId = new HashMap<>();
        List<String> duplicated = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        FrameFiles files = library.files();
        Set<String> paths = new HashSet<>();
        for (Row row : rows) {
            if (byId.put(row.id(), row) != null) {
                duplicated.add(row.id());
            }
            paths.add(row.path());
            Path file = files.resolve(row.path());
            String onDisk = Files.exists(file) ? sha256(file) : "no file";
            if (!onDisk.equals(row.sha256())) {
                mismatched.add(row.id() + " file " + onDisk + " row " + row.sha256());
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> acknowledgedButNotStored = new ArrayList<>();
        for (FrameInfo frame : onAgent) {
            Row row = byId.get(frame.id().toString());
            if (row == null) {
                missing.add(frame.id().toString());
                if (frame.acknowledged()) {
                    acknowledgedButNotStored.add(frame.id().toString());
                }
            } else if (!row.sha256().equals(frame.sha256())) {
                mismatched.add(frame.id() + " agent " + frame.sha256() + " library " + row.sha256());
            }
        }
        List<String> stray = new ArrayList<>();
        Path framesFolder = library.folder().resolve(FrameFiles.FRAMES_FOLDER);
        if (Files.isDirectory(framesFolder)) {
            try (Stream<Path> walk = Files.walk(framesFolder)) {
                walk.filter(Files::isRegularFile).map(files::relativize).filter(path -> !paths.contains(path))
                        .forEach(stray::add);
            }
        }
        return new SyncAudit(onAgent.size(), rows.size(), missing, duplicated, mismatched, acknowledgedButNotStored,
                stray);
    }

    /** Zero missing, zero duplicated, zero mismatched, nothing acknowledged that is not stored, no stray files. */
    boolean perfect() {
        return missing.isEmpty() && duplicated.isEmpty() && mismatched.isEmpty() && acknowledgedButNotStored.isEmpty()
                && strayFiles.isEmpty() && agentFrames == libraryFrames;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, read);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
