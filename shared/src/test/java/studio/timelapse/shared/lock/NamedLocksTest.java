package studio.timelapse.shared.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import studio.timelapse.shared.actionlog.ActionStatus;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.refusal.Refusal;

/**
 * One process, a manual clock: who may hold what together, inheritance along resource paths, fences that only grow,
 * expiry, and refusals that say who is in the way.
 */
class NamedLocksTest {
    @RegisterExtension
    final LockFixture fixture = LockFixture.withManualClock(LockCompatibility.builder()
            .mayOverlap("sync", "preview")
            .exclusive("delete")
            .build());

    @Test
    void aHeldLockRefusesAnIncompatibleRequestNamingItsHolder() {
        Lease render = fixture.take("sequence:12/render", "job:42");

        LockUnavailableException refused = catchThrowableOfType(
                () -> fixture.take("sequence:12/render", "job:43"), LockUnavailableException.class);

        Refusal refusal = refused.refusal();
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.LOCKED);
        assertThat(refusal.code()).isEqualTo("lock.held");
        assertThat(refusal.reason()).isEqualTo("sequence:12/render is taken: job:42 holds sequence:12/render since "
                + "2024-06-01T12:00:00Z");
        assertThat(refusal.remedy()).contains("try again once job:42 is done");
        assertThat(refusal.details()).containsEntry("lock", "sequence:12/render")
                .containsEntry("holder", "job:42")
                .containsEntry("holder_process", fixture.recording.log().process())
                .containsEntry("held_lock", "sequence:12/render")
                .containsEntry("since", "2024-06-01T12:00:00Z")
                .containsEntry("fence", render.fence())
                .containsEntry("expires_at", "2024-06-01T12:00:30Z")
                .doesNotContainKeys("progress", "retry_after_ms");
        assertThat(refused.holders()).extracting(LockHolder::fence).containsExactly(render.fence());
        assertThat(refused.httpStatus()).isEqualTo(409);
    }

    @Test
    void aReleasedLockIsFreeAndTheNextHolderGetsAHigherFence() {
        Lease first = fixture.take("camera:7/capture", "job:1");
        first.close();
        Lease second = fixture.take("camera:7/capture", "job:2");

        assertThat(second.fence()).isGreaterThan(first.fence());
        assertThat(fixture.leaseRows()).isOne();
    }

    @Test
    void fencesNeverRepeatEvenWhenNoLeaseRowIsLeftOrTheServiceRestarts() {
        Lease a = fixture.take("camera:7/capture", "job:1");
        a.close();
        assertThat(fixture.leaseRows()).isZero();
        fixture.locks.close();

        try (SqliteDatabase again = LockFixture.migratedDatabase(fixture.databaseFile());
                Locks restarted = Locks.builder(again, fixture.recording.log()).clock(fixture.clock).build();
                Lease b = restarted.tryAcquire(LockRequest.of("camera:7/capture", "job:2"));
                Lease c = restarted.tryAcquire(LockRequest.of("camera:8/capture", "job:3"))) {
            assertThat(List.of(a.fence(), b.fence(), c.fence())).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void compatiblePurposesShareAResourceAndARefusalNamesEveryHolder() {
        Lease sync = fixture.take("sequence:12/sync", "job:7");
        Lease preview = fixture.take("sequence:12/preview", "user:preview");

        LockUnavailableException refused = catchThrowableOfType(
                () -> fixture.take("sequence:12/render", "job:9"), LockUnavailableException.class);

        assertThat(refused.holders()).extracting(LockHolder::holder).containsExactly("job:7", "user:preview");
        assertThat(refused.refusal().reason()).contains("job:7 holds sequence:12/sync", "user:preview holds sequence:12/preview");
        assertThat(refused.refusal().remedy()).contains("try again once job:7, user:preview is done");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> holders = (List<Map<String, Object>>) refused.refusal().details().get("holders");
        assertThat(holders).extracting(h -> h.get("fence")).containsExactly(sync.fence(), preview.fence());
    }

    @Test
    void theSamePurposeTwiceIsIncompatibleUnlessDeclared() {
        fixture.take("sequence:12/sync", "job:7");

        assertThatThrownBy(() -> fixture.take("sequence:12/sync", "job:8")).isInstanceOf(LockUnavailableException.class);
    }

    @Test
    void aLockOnAParentCoversItsChildren() {
        fixture.take("sequence:12/render", "job:42");

        LockUnavailableException refused = catchThrowableOfType(
                () -> fixture.take("sequence:12/frame:991/render", "job:43"), LockUnavailableException.class);

        assertThat(refused.refusal().details()).containsEntry("lock", "sequence:12/frame:991/render")
                .containsEntry("held_lock", "sequence:12/render");
        assertThatThrownBy(() -> fixture.take("sequence:12/frame:991/tile:2/preview", "user:preview"))
                .isInstanceOf(LockUnavailableException.class);
    }

    @Test
    void aLockOnAChildBlocksItsAncestorsForIncompatiblePurposes() {
        fixture.take("sequence:12/frame:991/preview", "user:preview");

        assertThatThrownBy(() -> fixture.take("sequence:12/render", "job:42"))
                .isInstanceOf(LockUnavailableException.class)
                .hasMessageContaining("user:preview holds sequence:12/frame:991/preview");
        fixture.take("sequence:12/sync", "job:7").close();
    }

    @Test
    void anExclusivePurposeExcludesEverythingAboveAndBelow() {
        fixture.take("sequence:12/frame:3/preview", "user:preview");

        assertThatThrownBy(() -> fixture.take("sequence:12/delete", "job:gc")).isInstanceOf(LockUnavailableException.class);
        fixture.take("sequence:13/delete", "job:gc");
        assertThatThrownBy(() -> fixture.take("sequence:13/frame:1/sync", "job:7")).isInstanceOf(LockUnavailableException.class);
    }

    @Test
    void siblingsAndLookAlikeIdsAreIndependent() {
        fixture.take("sequence:12/frame:1/render", "job:1");

        fixture.take("sequence:12/frame:2/render", "job:2");
        fixture.take("sequence:1/render", "job:3");
        fixture.take("sequence:123/render", "job:4");
        fixture.take("sequence:12/frame:10/render", "job:5");
        assertThat(fixture.locks.held()).hasSize(5);
    }

    @Test
    void anExpiredLeaseCountsAsFreeIsSweptAndTheNextHolderGetsAHigherFence() {
        Lease crashed = fixture.take("camera:7/capture", "job:1");
        fixture.clock.advance(LockFixture.LEASE);

        Lease next = fixture.take("camera:7/capture", "job:2");

        assertThat(next.fence()).isGreaterThan(crashed.fence());
        assertThat(fixture.locks.held()).extracting(LockHolder::holder).containsExactly("job:2");
        assertThat(fixture.leaseRows()).as("the expired row was swept").isOne();
    }

    @Test
    void closingAnOvertakenLeaseNeverReleasesTheNewHolder() {
        Lease late = fixture.take("camera:7/capture", "job:1");
        fixture.clock.advance(LockFixture.LEASE.plusSeconds(1));
        Lease current = fixture.take("camera:7/capture", "job:2");

        late.close();

        assertThat(current.stillHeld()).isTrue();
        assertThat(fixture.locks.blockers(LockName.parse("camera:7/capture"))).extracting(LockHolder::fence)
                .containsExactly(current.fence());
        assertThat(fixture.recording.ofType("lock:release"))
                .filteredOn(m -> m.actionStatus().orElseThrow() == ActionStatus.SUCCEEDED)
                .singleElement().satisfies(m -> assertThat(m.get("released")).isEqualTo(false));
    }

    @Test
    void explainAnswersWhoHoldsItSinceWhenAndWithWhatProgress() {
        Lease render = fixture.take("sequence:12/render", "job:42");
        fixture.clock.advance(Duration.ofSeconds(10));
        render.reportProgress("frame 120/900");
        render.renew();

        List<LockHolder> blockers = fixture.locks.blockers(LockName.parse("sequence:12/frame:991/delete"));

        assertThat(blockers).singleElement().satisfies(holder -> {
            assertThat(holder.holder()).isEqualTo("job:42");
            assertThat(holder.lock()).hasToString("sequence:12/render");
            assertThat(holder.since()).hasToString("2024-06-01T12:00:00Z");
            assertThat(holder.expiresAt()).hasToString("2024-06-01T12:00:40Z");
            assertThat(holder.progress()).contains("frame 120/900");
            assertThat(holder.process()).isEqualTo(fixture.recording.log().process());
        });
        assertThat(blockers.get(0).describe())
                .isEqualTo("job:42 holds sequence:12/render since 2024-06-01T12:00:00Z (frame 120/900)");
        assertThatThrownBy(() -> fixture.take("sequence:12/render", "job:43"))
                .isInstanceOfSatisfying(LockUnavailableException.class, e -> assertThat(e.refusal().details())
                        .containsEntry("progress", "frame 120/900"));
        assertThat(fixture.locks.blockers(LockName.parse("sequence:13/render"))).isEmpty();
    }

    @Test
    void eachRequestMayChooseItsLease() {
        Lease shortLease = fixture.locks.tryAcquire(LockRequest.of("camera:7/capture", "job:1")
                .leaseFor(Duration.ofSeconds(2)));

        assertThat(shortLease.expiresAt()).hasToString("2024-06-01T12:00:02Z");
        assertThatThrownBy(() -> LockRequest.of("camera:7/capture", "job:1").leaseFor(Duration.ofMillis(5)))
                .hasMessageContaining("at least 30 ms");
    }

    @Test
    void aClosedServiceRefusesToAcquire() {
        fixture.locks.close();

        assertThatThrownBy(() -> fixture.take("camera:7/capture", "job:1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
