package studio.timelapse.camera.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one GPIO fixture: a Pi4J context on Pi4J's mock platform, fresh for each test and shut down after it, with its
 * pins reachable by BCM number. Register with {@code @RegisterExtension final MockGpio gpio = new MockGpio();}.
 */
public final class MockGpio implements BeforeEachCallback, AfterEachCallback {
    private Context pi4j;

    @Override
    public void beforeEach(ExtensionContext extension) {
        // Only the mock providers: the gpiod plugin on the class path must not be picked up.
        pi4j = Pi4J.newContextBuilder()
                .add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build();
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        if (pi4j != null && !pi4j.isShutdown()) {
            pi4j.shutdown();
        }
    }

    public Context context() {
        return pi4j;
    }

    /** The mock output claimed on {@code bcmPin}. */
    public MockDigitalOutput output(int bcmPin) {
        return pi4j.registry().allByType(MockDigitalOutput.class).values().stream()
                .filter(io -> io.address().intValue() == bcmPin).findFirst()
                .orElseThrow(() -> new AssertionError("no output claimed on GPIO " + bcmPin));
    }

    /** The mock input claimed on {@code bcmPin}. */
    public MockDigitalInput input(int bcmPin) {
        return pi4j.registry().allByType(MockDigitalInput.class).values().stream()
                .filter(io -> io.address().intValue() == bcmPin).findFirst()
                .orElseThrow(() -> new AssertionError("no input claimed on GPIO " + bcmPin));
    }

    /** Whether anything still holds {@code bcmPin}. */
    public boolean claimed(int bcmPin) {
        return pi4j.registry().exists(bcmPin);
    }

    /** Sets a mock input to {@code states} one after another, as fast as they come: contact bounce. */
    public static void drive(MockDigitalInput input, DigitalState... states) {
        for (DigitalState state : states) {
            input.mockState(state);
        }
    }
}
