package studio.timelapse.desktop.library;

import static studio.timelapse.desktop.library.schema.Tables.RENDER_SCHEDULE;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.desktop.library.schema.tables.records.RenderScheduleRecord;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

final class JooqRenderSchedules implements RenderSchedules {
    private final Library library;

    JooqRenderSchedules(Library library) {
        this.library = library;
    }

    @Override
    public RenderSchedule add(String name, long sequenceId, LocalTime at, ZoneId zone, int daysBack, int days,
            String settings, String outputFolder) {
        return library.write(sql -> {
            if (sql.fetchExists(RENDER_SCHEDULE, RENDER_SCHEDULE.NAME.eq(name))) {
                throw new RefusedException(Refusal.of(Refusal.Kind.CONFLICT, "render.schedule_exists",
                        "There is already a scheduled render called '" + name + "'",
                        "choose another name, or remove that one first").withDetails(Map.of("name", name)));
            }
            RenderScheduleRecord row = sql.newRecord(RENDER_SCHEDULE);
            row.setName(name);
            row.setSequenceId(Math.toIntExact(sequenceId));
            row.setLocalTime(at.toString());
            row.setZone(zone.getId());
            row.setDaysBack(daysBack);
            row.setDays(days);
            row.setSettings(settings);
            row.setOutputFolder(outputFolder);
            row.setCreatedAt(library.clock().millis());
            row.store();
            return schedule(row);
        });
    }

    @Override
    public List<RenderSchedule> all() {
        return library.read(sql -> sql.selectFrom(RENDER_SCHEDULE).orderBy(RENDER_SCHEDULE.NAME)
                .fetch(JooqRenderSchedules::schedule));
    }

    @Override
    public Optional<RenderSchedule> findByName(String name) {
        return library.read(sql -> sql.selectFrom(RENDER_SCHEDULE).where(RENDER_SCHEDULE.NAME.eq(name))
                .fetchOptional(JooqRenderSchedules::schedule));
    }

    @Override
    public boolean remove(String name) {
        return library.write(sql -> sql.deleteFrom(RENDER_SCHEDULE).where(RENDER_SCHEDULE.NAME.eq(name)).execute() > 0);
    }

    private static RenderSchedule schedule(RenderScheduleRecord row) {
        return new RenderSchedule(row.getId(), row.getName(), row.getSequenceId(), LocalTime.parse(row.getLocalTime()),
                ZoneId.of(row.getZone()), row.getDaysBack(), row.getDays(), row.getSettings(), row.getOutputFolder(),
                Instant.ofEpochMilli(row.getCreatedAt()));
    }
}
