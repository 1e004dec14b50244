package studio.timelapse.camera.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What goes into the DNS-SD records, and what cannot. */
class ServiceAnnouncementTest {

    @Test
    void the_txt_records_name_the_camera_its_version_and_api() {
        ServiceAnnouncement announcement = ServiceAnnouncement.of("Garden Pi", 8443, "cam-7f3a", "0.1.0");

        assertThat(announcement.txt()).containsExactly(
                Map.entry("id", "cam-7f3a"),
                Map.entry("name", "Garden Pi"),
                Map.entry("version", "0.1.0"),
                Map.entry("api", "/api/v1"));
        assertThat(announcement.withFingerprint("3f9a0c1de2b47a55").txt()).containsEntry("fp", "3f9a0c1de2b47a55");
    }

    @Test
    void a_name_is_one_dns_label_of_at_most_63_bytes() {
        assertThat(ServiceAnnouncement.of("Jardín de Zoë", 80, "c", "1").name()).isEqualTo("Jardín de Zoë");
        assertThatThrownBy(() -> ServiceAnnouncement.of("é".repeat(32), 80, "c", "1"))
                .hasMessageContaining("at most 63 bytes").hasMessageContaining("takes 64");
        assertThatThrownBy(() -> ServiceAnnouncement.of(" ", 80, "c", "1")).hasMessageContaining("blank");
        assertThatThrownBy(() -> ServiceAnnouncement.of("a\nb", 80, "c", "1")).hasMessageContaining("control");
    }

    @Test
    void ports_ids_versions_and_record_sizes_are_checked() {
        assertThatThrownBy(() -> ServiceAnnouncement.of("Pi", 0, "c", "1")).hasMessageContaining("not 0");
        assertThatThrownBy(() -> ServiceAnnouncement.of("Pi", 65_536, "c", "1")).hasMessageContaining("not 65536");
        assertThatThrownBy(() -> ServiceAnnouncement.of("Pi", 80, "", "1")).hasMessageContaining("the id is blank");
        assertThatThrownBy(() -> ServiceAnnouncement.of("Pi", 80, "c", " ")).hasMessageContaining("version is blank");
        assertThatThrownBy(() -> ServiceAnnouncement.of("Pi", 80, "c".repeat(253), "1"))
                .hasMessageContaining("TXT record id takes 256 bytes");
    }
}
