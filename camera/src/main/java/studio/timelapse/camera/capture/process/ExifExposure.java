package studio.timelapse.camera.capture.process;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.lang.Rational;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exposure a camera wrote into a JPEG's EXIF, in {@code CaptureResult.exposure} names: {@code shutter_s},
 * {@code iso}, {@code gain} (ISO / 100), {@code aperture}, and {@code camera_time} — the camera's clock as it wrote
 * it, without a time zone unless {@code camera_time_offset} is there too. Keys the file does not carry are left out.
 */
public final class ExifExposure {
    private ExifExposure() {}

    /** @throws IOException if the file cannot be read or its metadata cannot be parsed */
    public static Map<String, Object> read(Path jpeg) throws IOException {
        Metadata metadata;
        try {
            metadata = JpegMetadataReader.readMetadata(jpeg.toFile());
        } catch (JpegProcessingException e) {
            throw new IOException("unreadable JPEG metadata: " + e.getMessage(), e);
        }
        Map<String, Object> exposure = new LinkedHashMap<>();
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        if (exif == null) {
            return exposure;
        }
        Rational shutter = exif.getRational(ExifDirectoryBase.TAG_EXPOSURE_TIME);
        if (shutter != null && shutter.getDenominator() != 0) {
            exposure.put("shutter_s", shutter.doubleValue());
        }
        Integer iso = exif.getInteger(ExifDirectoryBase.TAG_ISO_EQUIVALENT);
        if (iso != null && iso > 0) {
            exposure.put("iso", iso);
            exposure.put("gain", iso / 100.0);
        }
        Rational aperture = exif.getRational(ExifDirectoryBase.TAG_FNUMBER);
        if (aperture != null && aperture.getDenominator() != 0) {
            exposure.put("aperture", aperture.doubleValue());
        }
        String taken = exif.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL);
        if (taken != null && !taken.isBlank()) {
            exposure.put("camera_time", taken.strip());
        }
        String offset = exif.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL);
        if (offset != null && !offset.isBlank()) {
            exposure.put("camera_time_offset", offset.strip());
        }
        return exposure;
    }
}
