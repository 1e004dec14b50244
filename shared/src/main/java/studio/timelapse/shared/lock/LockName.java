package studio.timelapse.shared.lock;

import java.util.regex.Pattern;

/**
 * A named lock: a resource and the purpose it is held for, written {@code <kind>:<id>[/<kind>:<id>…]/<purpose>} —
 * {@code camera:7/capture}, {@code sequence:12/frame:991/render}. Which purposes may be held together is the
 * {@link LockCompatibility}'s business.
 */
public record LockName(LockResource resource, String purpose) {
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9_]*");

    public LockName {
        if (resource == null) {
            throw new IllegalArgumentException("a lock name needs a resource");
        }
        requireValidPurpose(purpose);
    }

    /** Reads {@code camera:7/capture}; the last segment is the purpose. */
    public static LockName parse(String text) {
        int last = text == null ? -1 : text.lastIndexOf(LockResource.SEPARATOR);
        if (last <= 0) {
            throw new IllegalArgumentException("a lock name is <kind>:<id>[/<kind>:<id>…]/<purpose>, was '" + text + "'");
        }
        return new LockName(new LockResource(text.substring(0, last)), text.substring(last + 1));
    }

    static String requireValidPurpose(String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("a lock purpose is lower snake case (render, capture, sync), was '"
                    + purpose + "'");
        }
        return purpose;
    }

    @Override
    public String toString() {
        return resource.path() + LockResource.SEPARATOR + purpose;
    }
}
