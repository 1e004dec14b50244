package studio.timelapse.camera.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studio.timelapse.shared.protocol.FrameId;

/**
 * Frame ids as URLs carry them: {@code <epoch>-<sequence>} (the epoch may contain dashes; the sequence is the part
 * after the last one, without leading zeros). Anything else — a path, dots, slashes, NULs — is refused here, before it
 * gets near the store.
 */
final class FrameIds {
    private static final Pattern FORM = Pattern.compile("([A-Za-z0-9_-]{1,64})-([1-9][0-9]{0,17})");

    private FrameIds() {}

    static FrameId parse(String text, String field) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw Invalid.refused(field, "api.frame_id", "'" + Query.bounded(text) + "' is not a frame id",
                    "frame ids are <epoch>-<sequence>, as the frame list gives them, e.g. 7f3a9c-42");
        }
        return new FrameId(matcher.group(1), Long.parseLong(matcher.group(2)));
    }
}
