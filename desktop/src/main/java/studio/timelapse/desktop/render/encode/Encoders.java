package studio.timelapse.desktop.render.encode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * The encoders this studio has, in order of preference, and the choice between them: the first available one by
 * default (x264 where it runs, else JCodec, which runs everywhere), or the one the user asked for by name or family.
 */
public final class Encoders {
    private final List<EncoderFactory> inPreferenceOrder;

    public Encoders(List<EncoderFactory> inPreferenceOrder) {
        if (inPreferenceOrder.isEmpty()) {
            throw new IllegalArgumentException("A studio needs at least one encoder");
        }
        this.inPreferenceOrder = List.copyOf(inPreferenceOrder);
    }

    public List<EncoderFactory> all() {
        return inPreferenceOrder;
    }

    /**
     * The encoder for a render. With nothing requested, the first available one. With a request, the first
     * available encoder of that name or family ({@code x264} takes the libraries, else the ffmpeg program).
     *
     * @throws RefusedException INVALID for an unknown name, GUARD with every reason and remedy when none of the
     *     requested ones (or, by default, none at all) is available
     */
    public EncoderChoice choose(Optional<String> requested) {
        if (requested.isEmpty()) {
            return chooseDefault();
        }
        String wanted = requested.get().trim().toLowerCase(java.util.Locale.ROOT);
        List<EncoderFactory> matching = inPreferenceOrder.stream()
                .filter(factory -> factory.name().equals(wanted) || factory.family().equals(wanted))
                .toList();
        if (matching.isEmpty()) {
            throw new RefusedException(Refusal.of(Refusal.Kind.INVALID, "render.encoder_unknown",
                    "There is no encoder called \"" + requested.get() + "\"", "choose one of " + names())
                    .withDetails(Map.of("field", "encoder")));
        }
        List<String> passedOver = new ArrayList<>();
        for (EncoderFactory factory : matching) {
            Availability availability = factory.availability();
            if (availability.available()) {
                String reason = passedOver.isEmpty() ? "asked for; " + availability.detail()
                        : "asked for " + wanted + "; " + String.join("; ", passedOver) + "; " + availability.detail();
                return new EncoderChoice(factory, reason);
            }
            passedOver.add(factory.name() + " not available: " + availability.detail());
        }
        throw new RefusedException(matching.stream().map(factory -> factory.availability().refusal(factory.name()))
                .toList());
    }

    private EncoderChoice chooseDefault() {
        List<String> passedOver = new ArrayList<>();
        for (EncoderFactory factory : inPreferenceOrder) {
            Availability availability = factory.availability();
            if (availability.available()) {
                String reason = passedOver.isEmpty() ? "the default; " + availability.detail()
                        : "the default where " + String.join("; ", passedOver) + "; " + availability.detail();
                return new EncoderChoice(factory, reason);
            }
            passedOver.add(factory.name() + " is not available (" + availability.detail() + ")");
        }
        throw new RefusedException(inPreferenceOrder.stream()
                .map(factory -> factory.availability().refusal(factory.name())).toList());
    }

    private String names() {
        return inPreferenceOrder.stream().map(EncoderFactory::name).distinct().collect(Collectors.joining(", "));
    }
}
