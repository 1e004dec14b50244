package studio.timelapse.desktop.render;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.desktop.library.Library;
import studio.timelapse.desktop.library.RenderSchedules;
import studio.timelapse.desktop.library.RenderSchedules.RenderSchedule;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.job.Job;
import studio.timelapse.shared.job.JobRunner;
import studio.timelapse.shared.job.SubmitOptions;

/**
 * Turns the library's render schedules into ordinary render jobs: each occurrence ("21:00 on 2026-06-22, rendering
 * 2026-06-21") is submitted once, with an idempotency key naming the schedule and the day, to run at its time
 * ({@code notBefore}). {@link #catchUp()} is safe to call from any process at any time: it submits what is due and
 * not yet submitted — the occurrences missed while no studio was open (at most {@value #MISSED_DAYS_KEPT} days back)
 * and the next one.
 */
public final class RenderScheduler {
    static final int MISSED_DAYS_KEPT = 7;

    private final Library library;
    private final JobRunner jobs;
    private final RenderJob renderJob;
    private final Clock clock;
    private final ActionLog log;

    public RenderScheduler(Library library, JobRunner jobs, RenderJob renderJob, Clock clock, ActionLog log) {
        this.library = library;
        this.jobs = jobs;
        this.renderJob = renderJob;
        this.clock = clock;
        this.log = log;
    }

    /** One occurrence of a schedule: when it is due, and the render it makes. */
    public record Occurrence(RenderSchedule schedule, LocalDate dueDay, Instant due, RenderRequest request) {
        public String idempotencyKey() {
            return "render-schedule:" + schedule.id() + "-" + schedule.createdAt().toEpochMilli() + ":" + dueDay;
        }
    }

    /** A render request as a schedule keeps it. */
    public static String settingsOf(RenderRequest template) throws IOException {
        return RenderJson.mapper().writeValueAsString(template);
    }

    /** Submits every occurrence that is due and the next one of each schedule; returns the jobs (new or existing). */
    public List<Job> catchUp() throws IOException {
        Instant now = clock.instant();
        List<Job> submitted = new ArrayList<>();
        for (RenderSchedule schedule : RenderSchedules.of(library).all()) {
            for (Occurrence occurrence : occurrencesToSubmit(schedule, now)) {
                Job job = jobs.submit(renderJob, occurrence.request(),
                        SubmitOptions.key(occurrence.idempotencyKey()).notBefore(occurrence.due()));
                submitted.add(job);
            }
        }
        if (!submitted.isEmpty()) {
            log.message("studio:render:schedules_checked", Map.of("jobs", submitted.size()));
        }
        return submitted;
    }

    /** The occurrences to have as jobs at {@code now}: the missed ones since the schedule began, and the next. */
    static List<Occurrence> occurrencesToSubmit(RenderSchedule schedule, Instant now) throws IOException {
        LocalDate today = now.atZone(schedule.zone()).toLocalDate();
        LocalDate firstDay = schedule.createdAt().atZone(schedule.zone()).toLocalDate();
        LocalDate oldest = today.minusDays(MISSED_DAYS_KEPT);
        List<Occurrence> out = new ArrayList<>();
        for (LocalDate day = firstDay.isAfter(oldest) ? firstDay : oldest; !day.isAfter(today.plusDays(1));
                day = day.plusDays(1)) {
            Occurrence occurrence = occurrence(schedule, day);
            if (occurrence.due().isBefore(schedule.createdAt())) {
                continue; // due before the schedule existed
            }
            out.add(occurrence);
            if (occurrence.due().isAfter(now)) {
                break; // the next one is queued to run at its time; later ones follow once it is due
            }
        }
        return out;
    }

    /** The occurrence due on {@code dueDay}: the days it renders end {@code daysBack} days before it. */
    static Occurrence occurrence(RenderSchedule schedule, LocalDate dueDay) throws IOException {
        ZonedDateTime due = dueDay.atTime(schedule.at()).atZone(schedule.zone());
        LocalDate lastDay = dueDay.minusDays(schedule.daysBack());
        LocalDate firstDay = lastDay.minusDays(schedule.days() - 1L);
        Instant from = firstDay.atStartOfDay(schedule.zone()).toInstant();
        Instant to = lastDay.plusDays(1).atStartOfDay(schedule.zone()).toInstant();
        RenderRequest template = RenderJson.mapper().readValue(schedule.settings(), RenderRequest.class);
        String file = schedule.name().replaceAll("[^A-Za-z0-9._-]+", "-") + "-" + lastDay + ".mp4";
        RenderRequest request = template.forRange(schedule.sequenceId(), Optional.of(from), Optional.of(to),
                Path.of(schedule.outputFolder()).resolve(file).toAbsolutePath().toString());
        return new Occurrence(schedule, dueDay, due.toInstant(), request);
    }
}
