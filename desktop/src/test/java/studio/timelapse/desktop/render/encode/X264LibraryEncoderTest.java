package studio.timelapse.desktop.render.encode;

import studio.timelapse.desktop.render.encode.x264.X264LibraryFactory;

class X264LibraryEncoderTest extends EncoderContract {
    @Override
    EncoderFactory factory() {
        return new X264LibraryFactory();
    }
}
