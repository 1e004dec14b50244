package studio.timelapse.shared.astronomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoPositionTest {

    @Test
    void a_position_without_elevation_is_at_sea_level() {
        GeoPosition greenwich = GeoPosition.of(51.4769, -0.0005);

        assertThat(greenwich.elevationMetres()).isZero();
        assertThat(greenwich.withElevation(47).elevationMetres()).isEqualTo(47);
    }

    @Test
    void the_poles_and_the_date_line_are_valid() {
        GeoPosition.of(90, 180);
        GeoPosition.of(-90, -180);
    }

    @ParameterizedTest
    @CsvSource({
            "90.5, 0, 0, 'latitude must be between -90 and 90 degrees, was 90.5'",
            "-91, 0, 0, 'latitude must be between -90 and 90 degrees, was -91.0'",
            "NaN, 0, 0, 'latitude must be between -90 and 90 degrees, was NaN'",
            "0, 180.1, 0, 'longitude must be between -180 and 180 degrees, was 180.1'",
            "0, -200, 0, 'longitude must be between -180 and 180 degrees, was -200.0'",
            "0, 0, 9500, 'elevation must be between -500 and 9,000 metres, was 9500.0'",
            "0, 0, Infinity, 'elevation must be between -500 and 9,000 metres, was Infinity'",
    })
    void values_off_the_earth_are_refused_with_the_field_and_the_range(
            double latitude, double longitude, double elevation, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GeoPosition(latitude, longitude, elevation))
                .withMessage(message);
    }

    @Test
    void it_reads_like_a_map_coordinate() {
        assertThat(GeoPosition.of(-33.8688, 151.2093)).hasToString("33.8688°S 151.2093°E");
        assertThat(new GeoPosition(69.6492, -18.9553, 12)).hasToString("69.6492°N 18.9553°W 12 m");
    }
}
