package studio.timelapse.camera.capture.gopro;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One file in the camera's media list: its directory under {@code DCIM} ({@code 100GOPRO}), its name, its size in
 * bytes and when the camera says it was created (seconds since the epoch, on the camera's clock), where listed.
 */
record MediaFile(String directory, String name, OptionalLong bytes, OptionalLong created) {
    /** What a GoPro names its folders and files; anything else is refused rather than put into a URL. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    /** {@code 100GOPRO/GOPR0001.JPG}, as the delete and info endpoints take it. */
    String path() {
        return directory + "/" + name;
    }

    boolean isPhoto() {
        return name.toUpperCase(Locale.ROOT).endsWith(".JPG");
    }

    boolean safeForUrl() {
        return SAFE.matcher(directory).matches() && SAFE.matcher(name).matches();
    }
}
