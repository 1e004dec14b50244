package studio.timelapse.shared.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Lock names are {@code <kind>:<id>[/<kind>:<id>…]/<purpose>}; a resource contains the resources below it. */
class LockNameTest {

    @Test
    void aNameIsAResourcePathAndAPurpose() {
        LockName name = LockName.parse("sequence:12/frame:991/render");

        assertThat(name.resource().path()).isEqualTo("sequence:12/frame:991");
        assertThat(name.purpose()).isEqualTo("render");
        assertThat(name).hasToString("sequence:12/frame:991/render");
        assertThat(LockResource.of("sequence", 12).child("frame", 991).lock("render")).isEqualTo(name);
    }

    @Test
    void ancestorsRunFromTheOutermostResourceIn() {
        LockResource frame = LockResource.parse("camera:7/sequence:12/frame:991");

        assertThat(frame.ancestors()).extracting(LockResource::path).containsExactly("camera:7", "camera:7/sequence:12");
        assertThat(frame.parent()).contains(LockResource.parse("camera:7/sequence:12"));
        assertThat(LockResource.of("camera", 7).ancestors()).isEmpty();
        assertThat(LockResource.of("camera", 7).parent()).isEmpty();
    }

    @Test
    void aResourceContainsOnlyWholeSegmentsBelowIt() {
        LockResource sequence = LockResource.parse("sequence:12");

        assertThat(sequence.isAncestorOf(LockResource.parse("sequence:12/frame:1"))).isTrue();
        assertThat(sequence.isAncestorOf(LockResource.parse("sequence:12/frame:1/tile:3"))).isTrue();
        assertThat(sequence.isAncestorOf(LockResource.parse("sequence:123/frame:1"))).isFalse();
        assertThat(sequence.isAncestorOf(sequence)).isFalse();
        assertThat(LockResource.parse("sequence:12/frame:1").isAncestorOf(sequence)).isFalse();
    }

    @Test
    void resourcesOverlapWhenEqualOrNestedNeverAsSiblings() {
        LockResource sequence = LockResource.parse("sequence:12");
        LockResource frame1 = sequence.child("frame", 1);
        LockResource frame2 = sequence.child("frame", 2);

        assertThat(sequence.overlaps(sequence)).isTrue();
        assertThat(sequence.overlaps(frame1)).isTrue();
        assertThat(frame1.overlaps(sequence)).isTrue();
        assertThat(frame1.overlaps(frame2)).isFalse();
        assertThat(sequence.overlaps(LockResource.parse("sequence:13"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"camera:7", "capture", "/capture", "camera:7/", "camera:7//capture", "Camera:7/capture",
            "camera:/capture", "camera:7/Capture", "camera 7/capture", "camera:7:8/capture", "camera:7/frame/capture",
            "camera:-1/capture"})
    void malformedNamesAreRefusedWithTheExpectedShape(String text) {
        assertThatThrownBy(() -> LockName.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("a lock (name|resource|purpose) is .*");
    }

    @Test
    void idsMayBeUuidsAndDottedNames() {
        LockName name = LockName.parse("job:3f2a-77b0.retry_2/run");

        assertThat(name.resource().path()).isEqualTo("job:3f2a-77b0.retry_2");
    }
}
