package studio.timelapse.camera.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FramePage;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/** Frames as real files in a folder, indexed in memory; remembers every id it was asked for. */
final class FolderFrames implements FrameSource {
    static final String EPOCH = "e7f3a9c";

    private final Path folder;
    private final TreeMap<Long, FrameInfo> frames = new TreeMap<>();
    private final TreeMap<Long, Boolean> acknowledged = new TreeMap<>();
    final List<FrameId> askedFor = new CopyOnWriteArrayList<>();

    FolderFrames(Path folder) {
        this.folder = folder;
    }

    /** Stores {@code content} as the next frame. */
    synchronized FrameInfo add(byte[] content) {
        long sequence = frames.isEmpty() ? 1 : frames.lastKey() + 1;
        FrameId id = new FrameId(EPOCH, sequence);
        try {
            Files.write(path(id), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FrameInfo info = new FrameInfo(id, Instant.parse("2026-06-21T04:00:00Z").plusSeconds(sequence * 2), 7200,
                content.length, sha256(content), 1280, 720, Map.of("shutter_s", 0.01), false);
        frames.put(sequence, info);
        return info;
    }

    /** Deletes a frame's file, as retention would, leaving it indexed. */
    void deleteFile(FrameId id) throws IOException {
        Files.delete(path(id));
    }

    Path path(FrameId id) {
        return folder.resolve(id + ".jpg");
    }

    @Override
    public synchronized FramePage after(Optional<FrameId> cursor, int limit) {
        cursor.ifPresent(askedFor::add);
        long after = cursor.filter(id -> id.epoch().equals(EPOCH)).map(FrameId::sequence).orElse(0L);
        List<FrameInfo> page = new ArrayList<>(frames.tailMap(after, false).values());
        List<FrameInfo> first = List.copyOf(page.subList(0, Math.min(limit, page.size())));
        return new FramePage(first, page.size() > limit ? Optional.of(first.get(limit - 1).id()) : Optional.empty());
    }

    synchronized Optional<FrameInfo> find(FrameId id) {
        askedFor.add(id);
        return id.epoch().equals(EPOCH) ? Optional.ofNullable(frames.get(id.sequence())) : Optional.empty();
    }

    @Override
    public synchronized Optional<FrameInfo> latest() {
        return frames.isEmpty() ? Optional.empty() : Optional.of(frames.lastEntry().getValue());
    }

    @Override
    public synchronized Optional<FrameFile> download(FrameId id) {
        return find(id).map(info -> new FrameFile(id, info.size(), info.sha256(),
                Optional.of(path(id)).filter(Files::isRegularFile)));
    }

    @Override
    public synchronized long acknowledge(Acknowledgement ack) {
        if (!ack.epoch().equals(EPOCH)) {
            throw new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "store.other_epoch",
                    "This camera holds no frames of epoch " + ack.epoch()));
        }
        long newly = 0;
        for (long sequence = ack.fromSequence(); sequence <= ack.toSequence(); sequence++) {
            if (frames.containsKey(sequence) && acknowledged.put(sequence, true) == null) {
                newly++;
            }
        }
        return newly;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
