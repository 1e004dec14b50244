package studio.timelapse.desktop.library;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The renders a library remembers: what was rendered, how, where the video is, and when it finished. */
public interface Renders {

    static Renders of(Library library) {
        return new JooqRenders(library);
    }

    /**
     * One finished render.
     *
     * @param sequenceId the sequence rendered, if it came from the library (a folder render has none)
     * @param jobId the job that made it
     * @param settings the render's settings as JSON, as the user chose them
     */
    record FinishedRender(long id, Optional<Long> sequenceId, Optional<String> jobId, String settings,
            String outputPath, String encoder, long frames, Duration duration, Instant createdAt,
            Instant finishedAt) {}

    /** Remembers a finished render, once per job: recording a job again returns what was recorded. */
    FinishedRender record(Optional<Long> sequenceId, String jobId, String settings, String outputPath, String encoder,
            long frames, Duration duration, Instant createdAt, Instant finishedAt);

    /** The newest renders first, at most {@code limit}. */
    List<FinishedRender> newest(int limit);

    /** A sequence's renders, newest first. */
    List<FinishedRender> ofSequence(long sequenceId);
}
