package studio.timelapse.desktop.ingest;

import com.drew.lang.ByteArrayReader;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.ExifThumbnailDirectory;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import studio.timelapse.desktop.library.Exposure;

/**
 * What ingest takes from a frame's EXIF block, read with metadata-extractor: orientation, exposure, capture time
 * and where the embedded thumbnail is. Damaged or odd EXIF never fails a frame: what cannot be read is left out and
 * said in {@link #notes()}.
 *
 * @param thumbnail the embedded thumbnail's bytes in the file, if it has one
 */
record ExifFacts(Orientation orientation, Exposure exposure, Optional<CaptureTime> captureTime,
        Optional<JpegHeader.Range> thumbnail, List<String> notes) {

    static final ExifFacts NONE = new ExifFacts(Orientation.NORMAL, Exposure.UNKNOWN, Optional.empty(),
            Optional.empty(), List.of());

    private static final DateTimeFormatter EXIF_DATE_TIME = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The facts in the EXIF block at {@code exif} of {@code file}. */
    static ExifFacts read(byte[] file, JpegHeader.Range exif) {
        List<String> notes = new ArrayList<>();
        Metadata metadata = new Metadata();
        try {
            byte[] tiff = Arrays.copyOfRange(file, exif.offset(), exif.offset() + exif.length());
            new ExifReader().extract(new ByteArrayReader(tiff), metadata, 0);
        } catch (RuntimeException e) { // metadata-extractor reports most damage as directory errors, but not all
            notes.add("EXIF unreadable: " + e);
        }
        for (Directory directory : metadata.getDirectories()) {
            for (String error : directory.getErrors()) {
                notes.add("EXIF " + directory.getName() + ": " + error);
            }
        }
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory exifIfd = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        Orientation orientation = ifd0 != null && ifd0.containsTag(ExifDirectoryBase.TAG_ORIENTATION)
                ? Orientation.ofExif(intOr(ifd0, ExifDirectoryBase.TAG_ORIENTATION, 1))
                : Orientation.NORMAL;
        Exposure exposure = exifIfd == null ? Exposure.UNKNOWN : new Exposure(
                positive(exifIfd, ExifDirectoryBase.TAG_EXPOSURE_TIME),
                positive(exifIfd, ExifDirectoryBase.TAG_FNUMBER),
                iso(exifIfd));
        Optional<CaptureTime> captureTime = captureTime(ifd0, exifIfd, notes);
        Optional<JpegHeader.Range> thumbnail = thumbnail(metadata, exif);
        return new ExifFacts(orientation, exposure, captureTime, thumbnail, List.copyOf(notes));
    }

    private static Optional<CaptureTime> captureTime(ExifIFD0Directory ifd0, ExifSubIFDDirectory exifIfd,
            List<String> notes) {
        Optional<CaptureTime> original = exifIfd == null ? Optional.empty() : captureTime(exifIfd,
                ExifDirectoryBase.TAG_DATETIME_ORIGINAL, ExifDirectoryBase.TAG_SUBSECOND_TIME_ORIGINAL,
                ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL, CaptureTime.Source.DATE_TIME_ORIGINAL, notes);
        if (original.isPresent()) {
            return original;
        }
        Optional<CaptureTime> digitized = exifIfd == null ? Optional.empty() : captureTime(exifIfd,
                ExifDirectoryBase.TAG_DATETIME_DIGITIZED, ExifDirectoryBase.TAG_SUBSECOND_TIME_DIGITIZED,
                ExifDirectoryBase.TAG_TIME_ZONE_DIGITIZED, CaptureTime.Source.DATE_TIME_DIGITIZED, notes);
        if (digitized.isPresent()) {
            return digitized;
        }
        // DateTime is when the file was last changed, which for a camera is when it took the picture.
        return ifd0 == null ? Optional.empty() : captureTime(ifd0, ExifDirectoryBase.TAG_DATETIME,
                ExifDirectoryBase.TAG_SUBSECOND_TIME, ExifDirectoryBase.TAG_TIME_ZONE, CaptureTime.Source.DATE_TIME,
                notes);
    }

    private static Optional<CaptureTime> captureTime(Directory directory, int dateTag, int subSecondTag,
            int offsetTag, CaptureTime.Source source, List<String> notes) {
        String text = trimmed(directory.getString(dateTag));
        if (text == null) {
            return Optional.empty();
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(text, EXIF_DATE_TIME);
        } catch (DateTimeParseException e) {
            notes.add("EXIF " + tagName(source) + " is not a date: \"" + text + "\"");
            return Optional.empty();
        }
        String subSecond = trimmed(directory.getString(subSecondTag));
        if (subSecond != null && subSecond.matches("[0-9]{1,9}")) {
            local = local.withNano(Integer.parseInt((subSecond + "000000000").substring(0, 9)));
        }
        Optional<ZoneOffset> offset = Optional.empty();
        String offsetText = trimmed(directory.getString(offsetTag));
        if (offsetText != null) {
            try {
                offset = Optional.of(ZoneOffset.of(offsetText));
            } catch (DateTimeException e) {
                notes.add("EXIF offset of " + tagName(source) + " is not an offset: \"" + offsetText + "\"");
            }
        }
        return Optional.of(new CaptureTime(local, offset, source));
    }

    private static String tagName(CaptureTime.Source source) {
        return switch (source) {
            case DATE_TIME_ORIGINAL -> "DateTimeOriginal";
            case DATE_TIME_DIGITIZED -> "DateTimeDigitized";
            case DATE_TIME -> "DateTime";
        };
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.replace('\0', ' ').strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static OptionalDouble positive(Directory directory, int tag) {
        Rational rational = directory.getRational(tag);
        if (rational == null || rational.getDenominator() == 0) {
            return OptionalDouble.empty();
        }
        double value = rational.doubleValue();
        return value > 0 && Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** ISO speed; above 65,535 cameras leave the old tag at 65,535 and give the recommended exposure index. */
    private static OptionalInt iso(Directory directory) {
        int iso = intOr(directory, ExifDirectoryBase.TAG_ISO_EQUIVALENT, 0);
        if (iso > 0 && iso < 65535) {
            return OptionalInt.of(iso);
        }
        int recommended = intOr(directory, ExifDirectoryBase.TAG_RECOMMENDED_EXPOSURE_INDEX, 0);
        return recommended > 0 ? OptionalInt.of(recommended) : iso > 0 ? OptionalInt.of(iso) : OptionalInt.empty();
    }

    private static int intOr(Directory directory, int tag, int otherwise) {
        Integer value = directory.getInteger(tag);
        return value != null ? value : otherwise;
    }

    /** The embedded thumbnail, if it is a JPEG lying wholly inside the EXIF block. */
    private static Optional<JpegHeader.Range> thumbnail(Metadata metadata, JpegHeader.Range exif) {
        ExifThumbnailDirectory directory = metadata.getFirstDirectoryOfType(ExifThumbnailDirectory.class);
        if (directory == null) {
            return Optional.empty();
        }
        Integer offset = directory.getAdjustedThumbnailOffset();
        Integer length = directory.getInteger(ExifThumbnailDirectory.TAG_THUMBNAIL_LENGTH);
        Integer compression = directory.getInteger(ExifThumbnailDirectory.TAG_THUMBNAIL_COMPRESSION);
        if (offset == null || length == null || (compression != null && compression != 6)
                || offset < 0 || length <= 0 || (long) offset + length > exif.length()) {
            return Optional.empty();
        }
        return Optional.of(new JpegHeader.Range(exif.offset() + offset, length));
    }
}
