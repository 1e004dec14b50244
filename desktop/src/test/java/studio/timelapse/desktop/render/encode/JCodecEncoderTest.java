package studio.timelapse.desktop.render.encode;

import studio.timelapse.desktop.render.encode.jcodec.JCodecEncoderFactory;

class JCodecEncoderTest extends EncoderContract {
    @Override
    EncoderFactory factory() {
        return new JCodecEncoderFactory();
    }
}
