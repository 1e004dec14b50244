package studio.timelapse.desktop.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import studio.timelapse.desktop.library.CaptureRange;
import studio.timelapse.desktop.library.Frame;
import studio.timelapse.desktop.library.Frames;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.Page;
import studio.timelapse.desktop.library.PageCursor;
import studio.timelapse.desktop.library.Sequence;
import studio.timelapse.desktop.library.SequenceKind;
import studio.timelapse.desktop.render.pipeline.FolderFrames;
import studio.timelapse.desktop.render.pipeline.FrameSelection;
import studio.timelapse.desktop.render.pipeline.SourceFrame;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * The frames a render takes, in capture order: a library sequence's (a camera's range read through the camera and
 * time index, never a whole scan) or a folder's JPEGs, then the time range, rejected frames left out, and every Nth.
 */
final class RenderSource {
    private static final int PAGE = 1_000;

    private RenderSource() {}

    static List<SourceFrame> resolve(RenderRequest request, Optional<Library> library) throws IOException {
        List<SourceFrame> frames = request.sequenceId().isPresent()
                ? ofSequence(request, library.orElseThrow(() -> new RefusedException(Refusal.of(
                        Refusal.Kind.INVALID, "render.no_library", "A sequence is rendered from a library",
                        "open the library that holds sequence " + request.sequenceId().get()))))
                : ofFolder(request, Path.of(request.folder().orElseThrow()));
        frames = FrameSelection.every(frames, request.every());
        if (request.preview() && frames.size() > RenderRequest.PREVIEW_FRAMES) {
            frames = FrameSelection.spread(frames, RenderRequest.PREVIEW_FRAMES);
        }
        if (frames.isEmpty()) {
            throw new RefusedException(Refusal.of(Refusal.Kind.GUARD, "render.no_frames",
                    "There are no frames to render in " + request.describeSource()
                            + (request.from().isPresent() || request.to().isPresent() ? " in that time range" : ""),
                    "choose another sequence, folder or time range").withDetails(Map.of("source",
                    request.describeSource())));
        }
        return frames;
    }

    private static List<SourceFrame> ofSequence(RenderRequest request, Library library) {
        long id = request.sequenceId().orElseThrow();
        Sequence sequence = RenderableSequence.require(library, id);
        Frames frames = Frames.of(library);
        CaptureRange range = new CaptureRange(request.from(), request.to());
        boolean cameraStream = sequence.kind() == SequenceKind.CAMERA && sequence.cameraId().isPresent();
        // A defined sequence applies its own rule about rejected frames; streams and imports list them, flagged.
        boolean dropRejected = sequence.kind() != SequenceKind.DEFINED;
        List<SourceFrame> out = new ArrayList<>();
        Optional<PageCursor> after = Optional.empty();
        do {
            Page page = cameraStream
                    ? frames.ofCamera(sequence.cameraId().get(), range, after, PAGE)
                    : frames.ofSequence(id, after, PAGE);
            for (Frame frame : page.frames()) {
                if (request.to().isPresent() && !frame.capturedAt().isBefore(request.to().get())) {
                    return out; // pages come in capture order: nothing later is in range
                }
                if (request.from().isPresent() && frame.capturedAt().isBefore(request.from().get())) {
                    continue;
                }
                if (dropRejected && frame.rejected()) {
                    continue;
                }
                out.add(toSource(library, frame));
            }
            after = page.next();
        } while (after.isPresent());
        return out;
    }

    private static SourceFrame toSource(Library library, Frame frame) {
        OffsetDateTime capturedAt = frame.capturedAt().atOffset(ZoneOffset.ofTotalSeconds(frame.utcOffsetSeconds()));
        OptionalDouble luma = frame.ingested().map(ingested -> OptionalDouble.of(ingested.meanLuma()))
                .orElse(OptionalDouble.empty());
        return new SourceFrame(library.files().resolve(frame.path()), OptionalLong.of(frame.id()),
                Optional.of(capturedAt), luma);
    }

    /** A folder's JPEGs in capture order (the pipeline's {@link FolderFrames}), then the time range. */
    private static List<SourceFrame> ofFolder(RenderRequest request, Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new RefusedException(Refusal.of(Refusal.Kind.NOT_FOUND, "render.no_folder",
                    "There is no folder " + folder, "give a folder of JPEG files"));
        }
        return FolderFrames.scan(folder.toAbsolutePath(), ZoneId.systemDefault()).stream()
                .filter(frame -> inRange(frame, request)).toList();
    }

    private static boolean inRange(SourceFrame frame, RenderRequest request) {
        if (request.from().isEmpty() && request.to().isEmpty()) {
            return true;
        }
        if (frame.capturedAt().isEmpty()) {
            return false; // a time range cannot place a frame without a time
        }
        Instant at = frame.capturedAt().get().toInstant();
        return request.from().map(from -> !at.isBefore(from)).orElse(true)
                && request.to().map(at::isBefore).orElse(true);
    }
}
