/**
 * The Sun as seen from a camera: where it is ({@link studio.timelapse.shared.astronomy.SunPosition}), how dark it is
 * ({@link studio.timelapse.shared.astronomy.DayPhase}, for tagging frames), when it rises, sets and passes through the
 * twilights on a local date ({@link studio.timelapse.shared.astronomy.SunTimes}, with a
 * {@link studio.timelapse.shared.astronomy.SunStays} reason where an event does not happen), and capture windows
 * relative to those events ({@link studio.timelapse.shared.astronomy.SunWindow}).
 *
 * <h2>Algorithm</h2>
 * The Sun's declination and the equation of time come from the series behind the NOAA Solar Calculator (NOAA Global
 * Monitoring Laboratory, "General Solar Position Calculations" and its spreadsheets), which are the low-accuracy
 * formulas of Jean Meeus, <i>Astronomical Algorithms</i> (2nd ed., 1998), chapters 25 (solar coordinates) and 28
 * (equation of time). Altitude and azimuth follow from spherical trigonometry; the optional refraction correction is
 * NOAA's piecewise fit for a standard atmosphere. Events are the instants when the Sun's centre crosses a fixed
 * geometric altitude — −0.833° for sunrise and sunset (standard refraction 34′ plus the Sun's semi-diameter 16′),
 * −6°, −12° and −18° for civil, nautical and astronomical twilight — found by a bracketing root search between solar
 * noon and the lower culminations either side of it, which also tells when an event does not happen and why.
 *
 * <h2>Accuracy</h2>
 * The series gives the Sun's position to about 0.01° for 1800–2100 (the NREL SPA worked example, 2003-10-17 in Golden,
 * Colorado, is matched to 0.0001° in altitude and 0.003° in azimuth). Event times agree with the published US Naval
 * Observatory tables to within their one-minute rounding at moderate latitudes; near the poles, and on days when the
 * Sun only just reaches an event's altitude, a tiny error in altitude moves the time by minutes, as NOAA also warns
 * ("within a minute between ±72° latitude, within 10 minutes outside"). Real sunrise differs from any table by a
 * minute or two anyway, since refraction depends on the weather. UT1 is taken as UTC and TT − UT is ignored (both
 * under a second of time). The reference data and tolerances are in the tests
 * ({@code src/test/resources/astronomy/sun-events.csv}).
 *
 * <h2>Cost</h2>
 * Everything is computed from immutable inputs with no shared state; a position or a day phase costs one evaluation of
 * the series (about a microsecond), a day's events a few dozen (tens of microseconds).
 */
package studio.timelapse.shared.astronomy;
