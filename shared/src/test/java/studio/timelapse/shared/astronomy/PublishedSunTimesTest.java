package studio.timelapse.shared.astronomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SunTimes against published tables: US Naval Observatory rise/set and twilight tables and press figures, each row
 * with its source and tolerance in {@code astronomy/sun-events.csv}, which says how the rows were chosen.
 */
class PublishedSunTimesTest {

    private static final String TABLE = "/astronomy/sun-events.csv";

    record Row(String place, GeoPosition position, ZoneId zone, LocalDate date, SunEvent event,
               Optional<Instant> expected, Optional<SunStays> expectedReason, Duration tolerance, String source) {

        static Row parse(String line) {
            String[] field = line.split(",", -1);
            if (field.length != 9) {
                throw new IllegalArgumentException("expected 9 fields: " + line);
            }
            String expected = field[6];
            boolean never = expected.startsWith("never:");
            return new Row(field[0],
                    GeoPosition.of(Double.parseDouble(field[1]), Double.parseDouble(field[2])),
                    ZoneId.of(field[3]), LocalDate.parse(field[4]), SunEvent.valueOf(field[5]),
                    never ? Optional.empty() : Optional.of(OffsetDateTime.parse(expected).toInstant()),
                    never ? Optional.of(SunStays.valueOf(expected.substring(6).toUpperCase(Locale.ROOT)))
                            : Optional.empty(),
                    Duration.ofSeconds(Long.parseLong(field[7])), field[8]);
        }

        @Override
        public String toString() {
            return place + " " + date + " " + event.label() + " (" + source + ")";
        }
    }

    static List<Row> rows() throws IOException {
        try (InputStream in = Objects.requireNonNull(PublishedSunTimesTest.class.getResourceAsStream(TABLE), TABLE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("place,"))
                    .map(Row::parse)
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void happens_within_the_tolerance_of_the_published_time_or_not_at_all_as_published(Row row) {
        SunTimes day = SunTimes.on(row.date(), row.zone(), row.position());

        if (row.expected().isPresent()) {
            Instant published = row.expected().get();
            assertThat(day.time(row.event()))
                    .as("%s: %s", row, day)
                    .hasValueSatisfying(computed -> assertThat(Duration.between(published, computed).abs())
                            .as("%s: computed %s, published %s", row, computed, published)
                            .isLessThanOrEqualTo(row.tolerance()));
        } else {
            assertThat(day.time(row.event())).as("%s: %s", row, day).isEmpty();
            assertThat(day.whyNot(row.event())).as("%s: %s", row, day).isEqualTo(row.expectedReason());
        }
    }

    @Test
    void the_table_covers_both_hemispheres_the_tropics_the_arctic_and_both_kinds_of_never() throws IOException {
        List<Row> rows = rows();

        assertThat(rows).hasSizeGreaterThanOrEqualTo(60);
        assertThat(rows).anyMatch(row -> row.position().latitude() < -30);
        assertThat(rows).anyMatch(row -> Math.abs(row.position().latitude()) < 2);
        assertThat(rows).anyMatch(row -> row.position().latitude() > 75);
        assertThat(rows).anyMatch(row -> row.expectedReason().equals(Optional.of(SunStays.ABOVE)));
        assertThat(rows).anyMatch(row -> row.expectedReason().equals(Optional.of(SunStays.BELOW)));
    }
}
