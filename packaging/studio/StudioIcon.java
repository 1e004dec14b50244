import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the studio's application icon (a dawn over a horizon, with the sweep of a day around it) and writes it in
 * the three forms installers want: PNG (Linux), ICO (Windows) and ICNS (macOS). Drawn, not stored, so the
 * repository holds no binaries and every platform's icon is the same picture.
 *
 * <p>Run by packaging/build-studio-installer.sh: {@code java StudioIcon.java OUT_DIR}.
 */
public final class StudioIcon {
    private static final int SIZE = 256;

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        byte[] png = png(draw());
        Files.write(out.resolve("timelapse-studio.png"), png);
        Files.write(out.resolve("timelapse-studio.ico"), ico(png));
        Files.write(out.resolve("timelapse-studio.icns"), icns(png));
    }

    private static BufferedImage draw() {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        RoundRectangle2D tile = new RoundRectangle2D.Double(8, 8, SIZE - 16, SIZE - 16, 56, 56);
        g.setPaint(new GradientPaint(0, 8, new Color(0x1B2A4A), 0, 170, new Color(0xF2A65A)));
        g.fill(tile);
        g.setClip(tile);
        g.setColor(new Color(0xFFD27A));
        g.fill(new Ellipse2D.Double(88, 118, 80, 80));
        g.setColor(new Color(0x23324F));
        g.fillRect(0, 170, SIZE, SIZE);
        g.setClip(null);
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(255, 255, 255, 230));
        g.draw(new Arc2D.Double(40, 40, 176, 176, 200, -220, Arc2D.OPEN));
        g.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** One 256x256 PNG entry: Windows Vista and later read PNG inside ICO; width and height 0 mean 256. */
    private static byte[] ico(byte[] png) {
        ByteBuffer ico = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        ico.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        ico.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(6 + 16);
        ico.put(png);
        return ico.array();
    }

    /** One 'ic08' element (256x256, PNG inside), as macOS 10.5 and later read it. */
    private static byte[] icns(byte[] png) {
        ByteBuffer icns = ByteBuffer.allocate(8 + 8 + png.length).order(ByteOrder.BIG_ENDIAN);
        icns.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16 + png.length);
        icns.put("ic08".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + png.length);
        icns.put(png);
        return icns.array();
    }
}
