package studio.timelapse.desktop.library;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The library's repeating renders. */
public interface RenderSchedules {

    static RenderSchedules of(Library library) {
        return new JooqRenderSchedules(library);
    }

    /**
     * A repeating render of a sequence: due every day at {@code at} in {@code zone}, rendering the {@code days} days
     * that end {@code daysBack} days before the due day.
     *
     * @param settings the render request each occurrence starts from, as JSON
     */
    record RenderSchedule(long id, String name, long sequenceId, LocalTime at, ZoneId zone, int daysBack, int days,
            String settings, String outputFolder, Instant createdAt) {}

    /** @throws studio.timelapse.shared.refusal.RefusedException CONFLICT when the name is taken */
    RenderSchedule add(String name, long sequenceId, LocalTime at, ZoneId zone, int daysBack, int days,
            String settings, String outputFolder);

    List<RenderSchedule> all();

    Optional<RenderSchedule> findByName(String name);

    /** @return whether there was one to remove */
    boolean remove(String name);
}
