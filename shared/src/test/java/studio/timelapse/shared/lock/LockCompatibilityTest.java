package studio.timelapse.shared.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which purposes may hold overlapping resources at once: none unless declared, and never an exclusive one. */
class LockCompatibilityTest {

    @Test
    void byDefaultNoPurposesOverlapNotEvenTheSameOne() {
        LockCompatibility table = LockCompatibility.nothingOverlaps();

        assertThat(table.mayOverlap("render", "render")).isFalse();
        assertThat(table.mayOverlap("sync", "preview")).isFalse();
    }

    @Test
    void aDeclaredPairOverlapsInEitherOrderAndNothingElseDoes() {
        LockCompatibility table = LockCompatibility.builder().mayOverlap("sync", "preview").build();

        assertThat(table.mayOverlap("sync", "preview")).isTrue();
        assertThat(table.mayOverlap("preview", "sync")).isTrue();
        assertThat(table.mayOverlap("sync", "sync")).isFalse();
        assertThat(table.mayOverlap("preview", "render")).isFalse();
    }

    @Test
    void aPurposeSharesWithItselfOnlyWhenDeclared() {
        LockCompatibility table = LockCompatibility.builder().mayOverlap("preview", "preview").build();

        assertThat(table.mayOverlap("preview", "preview")).isTrue();
        assertThat(table.mayOverlap("render", "render")).isFalse();
    }

    @Test
    void anExclusivePurposeMayNotBeDeclaredToOverlap() {
        assertThatThrownBy(() -> LockCompatibility.builder().exclusive("delete").mayOverlap("delete", "preview").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'delete' is exclusive");
        LockCompatibility table = LockCompatibility.builder().exclusive("delete").mayOverlap("sync", "preview").build();
        assertThat(table.isExclusive("delete")).isTrue();
        assertThat(table.mayOverlap("delete", "delete")).isFalse();
    }

    @Test
    void onlyOverlappingResourcesCanConflict() {
        LockCompatibility table = LockCompatibility.builder().mayOverlap("sync", "preview").build();

        assertThat(table.conflict(LockName.parse("sequence:12/render"), LockName.parse("sequence:12/frame:1/render")))
                .isTrue();
        assertThat(table.conflict(LockName.parse("sequence:12/sync"), LockName.parse("sequence:12/frame:1/preview")))
                .isFalse();
        assertThat(table.conflict(LockName.parse("sequence:12/frame:1/render"),
                LockName.parse("sequence:12/frame:2/render"))).isFalse();
    }

    @Test
    void purposesAreCheckedWhenDeclared() {
        assertThatThrownBy(() -> LockCompatibility.builder().mayOverlap("Sync", "preview"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower snake case");
    }
}
