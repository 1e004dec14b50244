package studio.timelapse.desktop.render.pipeline;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JPEGs of a folder as a render's frames, for {@code timelapse render DIR}: each with its capture time from EXIF
 * (DateTimeOriginal, with OffsetTimeOriginal where the camera wrote it), in capture order — or in file-name order if
 * some file has no capture time, since a camera's counter may wrap (IMG_9999, IMG_0001) but its clock runs on.
 */
public final class FolderFrames {
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);

    private FolderFrames() {}

    /**
     * The {@code .jpg}/{@code .jpeg} files directly in {@code folder} (hidden ones left out). A capture time without
     * an offset is taken as local time in {@code cameraZone}, so that the time overlay shows it as the camera wrote
     * it.
     */
    public static List<SourceFrame> scan(Path folder, ZoneId cameraZone) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).filter(FolderFrames::isJpegName).sorted().toList();
        }
        List<SourceFrame> frames = new ArrayList<>(files.size());
        for (Path file : files) {
            SourceFrame frame = SourceFrame.of(file);
            Optional<OffsetDateTime> taken = captureTime(file, cameraZone);
            frames.add(taken.map(frame::capturedAt).orElse(frame));
        }
        if (frames.stream().allMatch(frame -> frame.capturedAt().isPresent())) {
            frames.sort(Comparator.comparing((SourceFrame frame) -> frame.capturedAt().get().toInstant())
                    .thenComparing(frame -> frame.file().getFileName().toString()));
        }
        return frames;
    }

    private static boolean isJpegName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }

    /** EXIF's original capture time, if the file has a readable one. */
    static Optional<OffsetDateTime> captureTime(Path file, ZoneId cameraZone) {
        try {
            Metadata metadata = JpegMetadataReader.readMetadata(file.toFile(), List.of(new ExifReader()));
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (exif == null || exif.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL) == null) {
                return Optional.empty();
            }
            LocalDateTime local = LocalDateTime.parse(exif.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL).strip(),
                    EXIF_TIME);
            String offset = exif.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL);
            ZoneOffset zoneOffset = offset != null && !offset.isBlank() ? ZoneOffset.of(offset.strip())
                    : cameraZone.getRules().getOffset(local);
            return Optional.of(local.atOffset(zoneOffset));
        } catch (JpegProcessingException | IOException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
