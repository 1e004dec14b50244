package studio.timelapse.camera.store;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a frame file says about itself, for a row rebuilt after a crash: capture time from EXIF (DateTimeOriginal,
 * with OffsetTimeOriginal when the camera wrote it, else read in the agent's zone), or the file's modification time;
 * size from the JPEG header; exposure from EXIF.
 *
 * @param source {@code exif} or {@code file_time}: where the capture time came from
 */
record RecoveredFacts(Instant capturedAt, int utcOffsetSeconds, int width, int height, Map<String, Object> exposure,
        String source) {
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    static RecoveredFacts read(Path file, ZoneId zone) throws IOException {
        Metadata metadata;
        try {
            metadata = JpegMetadataReader.readMetadata(file.toFile());
        } catch (com.drew.imaging.jpeg.JpegProcessingException | RuntimeException e) {
            // Unreadable metadata in a whole JPEG: the file time and zero sizes will do.
            metadata = new Metadata();
        }
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        Optional<Instant> exifTime = exifTime(exif, zone);
        Instant capturedAt = exifTime.orElse(Files.getLastModifiedTime(file).toInstant())
                .truncatedTo(ChronoUnit.MILLIS);
        int offset = exifOffset(exif).orElse(zone.getRules().getOffset(capturedAt)).getTotalSeconds();
        JpegDirectory jpeg = metadata.getFirstDirectoryOfType(JpegDirectory.class);
        return new RecoveredFacts(capturedAt, offset, dimension(jpeg, true), dimension(jpeg, false), exposure(exif),
                exifTime.isPresent() ? "exif" : "file_time");
    }

    private static Optional<Instant> exifTime(ExifSubIFDDirectory exif, ZoneId zone) {
        if (exif == null || exif.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL) == null) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.parse(exif.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL).trim(),
                    EXIF_TIME);
            return Optional.of(exifOffset(exif).map(offset -> local.toInstant(offset))
                    .orElseGet(() -> local.atZone(zone).toInstant()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneOffset> exifOffset(ExifSubIFDDirectory exif) {
        if (exif == null || exif.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneOffset.of(exif.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL).trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int dimension(JpegDirectory jpeg, boolean width) {
        if (jpeg == null) {
            return 0;
        }
        try {
            return width ? jpeg.getImageWidth() : jpeg.getImageHeight();
        } catch (MetadataException e) {
            return 0;
        }
    }

    /** The same names backends report: shutter_s, iso, aperture. */
    private static Map<String, Object> exposure(ExifSubIFDDirectory exif) {
        Map<String, Object> exposure = new LinkedHashMap<>();
        if (exif == null) {
            return exposure;
        }
        if (exif.getRational(ExifDirectoryBase.TAG_EXPOSURE_TIME) != null) {
            exposure.put("shutter_s", exif.getRational(ExifDirectoryBase.TAG_EXPOSURE_TIME).doubleValue());
        }
        if (exif.getInteger(ExifDirectoryBase.TAG_ISO_EQUIVALENT) != null) {
            exposure.put("iso", exif.getInteger(ExifDirectoryBase.TAG_ISO_EQUIVALENT));
        }
        if (exif.getRational(ExifDirectoryBase.TAG_FNUMBER) != null) {
            exposure.put("aperture", exif.getRational(ExifDirectoryBase.TAG_FNUMBER).doubleValue());
        }
        return exposure;
    }
}
