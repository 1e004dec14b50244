package studio.timelapse.desktop.render.encode;

import studio.timelapse.desktop.render.encode.x264.ExecutableLocator;
import studio.timelapse.desktop.render.encode.x264.X264ProgramFactory;

class X264ProgramEncoderTest extends EncoderContract {
    @Override
    EncoderFactory factory() {
        return new X264ProgramFactory(ExecutableLocator.ofThisProcess());
    }
}
