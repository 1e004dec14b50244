package studio.timelapse.desktop.render.encode;

/** Which codes Y, U and V use; the stream says which (H.264 video_full_range_flag). */
public enum ColourRange {
    /** "TV" range: Y 16–235, U/V 16–240. What every player expects; the default. */
    LIMITED,
    /** "PC"/JPEG range: 0–255 for all three. Some players ignore the flag and show it washed out or crushed. */
    FULL
}
