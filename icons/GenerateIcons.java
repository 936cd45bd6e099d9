import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.attributes.ViewBox;
import com.github.weisj.jsvg.parser.SVGLoader;

/**
 * Renders icons/keyport.svg with JSVG into every size the window and the installers need:
 * keyport-SIZE.png (16 to 1024 px), keyport.ico (Windows) and keyport.icns (macOS), both of which
 * carry the PNGs as they are. Run by the build: {@code mvn -B -ntp -q -pl app -Picons generate-resources}.
 * Usage: java -cp jsvg.jar GenerateIcons.java SOURCE.svg OUTPUT_DIR
 */
public final class GenerateIcons {

    static final int[] PNG_SIZES = {16, 24, 32, 48, 64, 128, 256, 512, 1024};
    static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 128, 256};

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: GenerateIcons SOURCE.svg OUTPUT_DIR");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path out = Path.of(args[1]);
        SVGDocument svg = new SVGLoader().load(source.toUri().toURL());
        if (svg == null) {
            throw new IOException("JSVG could not read " + source);
        }
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : PNG_SIZES) {
            byte[] png = png(render(svg, size));
            pngs.put(size, png);
            Files.write(out.resolve("keyport-" + size + ".png"), png);
        }
        Files.write(out.resolve("keyport.ico"), ico(pngs));
        Files.write(out.resolve("keyport.icns"), icns(pngs));
        System.out.println("GenerateIcons: " + PNG_SIZES.length + " PNGs, keyport.ico, keyport.icns in " + out);
    }

    static BufferedImage render(SVGDocument svg, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            svg.render((java.awt.Component) null, g, new ViewBox(0, 0, size, size));
        } finally {
            g.dispose();
        }
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer");
        }
        return bytes.toByteArray();
    }

    /** ICO with PNG entries (Windows Vista and later): header, one directory entry per size, the PNGs. */
    static byte[] ico(Map<Integer, byte[]> pngs) {
        List<Integer> sizes = java.util.Arrays.stream(ICO_SIZES).boxed().toList();
        int offset = 6 + 16 * sizes.size();
        int total = offset + sizes.stream().mapToInt(s -> pngs.get(s).length).sum();
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) sizes.size());
        for (int size : sizes) {
            byte[] png = pngs.get(size);
            buf.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)); // 0 means 256
            buf.put((byte) 0).put((byte) 0);          // no palette, reserved
            buf.putShort((short) 1).putShort((short) 32); // planes, bits per pixel
            buf.putInt(png.length).putInt(offset);
            offset += png.length;
        }
        for (int size : sizes) {
            buf.put(pngs.get(size));
        }
        return buf.array();
    }

    /** ICNS with PNG entries: the 1x types and the 2x (Retina) types that share a pixel size. */
    static byte[] icns(Map<Integer, byte[]> pngs) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024); // 512@2x
        types.put("ic11", 32);   // 16@2x
        types.put("ic12", 64);   // 32@2x
        types.put("ic13", 256);  // 128@2x
        types.put("ic14", 512);  // 256@2x
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body); // big-endian, as ICNS wants
        for (Map.Entry<String, Integer> type : types.entrySet()) {
            byte[] png = pngs.get(type.getValue());
            data.writeBytes(type.getKey());
            data.writeInt(8 + png.length);
            data.write(png);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(8 + body.size());
        body.writeTo((OutputStream) header);
        return file.toByteArray();
    }
}
