package studio.timelapse.desktop.ui.library;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Every EXIF tag of a frame's file that a photographer reads, as metadata-extractor describes it. */
final class ExifFields {
    /** Directories worth showing: the camera's EXIF, GPS, and the JPEG's own shape. */
    private static final Set<String> SHOWN = Set.of("Exif IFD0", "Exif SubIFD", "GPS", "JPEG", "Interoperability");

    private ExifFields() {}

    /** The tags as (name, value) pairs; a file without EXIF gives its JPEG facts only. */
    static List<FrameDetail.Field> read(Path file) throws IOException {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(file.toFile());
        } catch (ImageProcessingException e) {
            throw new IOException("cannot read the metadata of " + file.getFileName() + ": " + e.getMessage(), e);
        }
        List<FrameDetail.Field> fields = new ArrayList<>();
        for (Directory directory : metadata.getDirectories()) {
            if (!SHOWN.contains(directory.getName())) {
                continue;
            }
            for (Tag tag : directory.getTags()) {
                String value = tag.getDescription();
                if (value != null && !value.isBlank() && value.length() < 200) {
                    fields.add(new FrameDetail.Field(tag.getTagName(), value));
                }
            }
        }
        return fields;
    }
}
