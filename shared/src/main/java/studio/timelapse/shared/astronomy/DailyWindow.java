package studio.timelapse.shared.astronomy;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** What a {@link SunWindow} comes to on one date: a concrete interval, or closed with the reason why. */
public sealed interface DailyWindow permits DailyWindow.Open, DailyWindow.Closed {

    /** The local date the window was resolved for. */
    LocalDate date();

    /** The interval to capture in; empty when the window is closed that day. */
    Optional<TimeInterval> interval();

    /** The window is open from {@code interval.start()} until just before {@code interval.end()}. */
    record Open(LocalDate date, TimeInterval span) implements DailyWindow {
        public Open {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(span, "span");
        }

        @Override
        public Optional<TimeInterval> interval() {
            return Optional.of(span);
        }
    }

    /**
     * The window does not open that day.
     *
     * @param reason one sentence for a person: "civil dawn does not happen: the sun stays below −6° all day"
     */
    record Closed(LocalDate date, String reason) implements DailyWindow {
        public Closed {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<TimeInterval> interval() {
            return Optional.empty();
        }
    }
}
