package org.vae4j.cli.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.vae4j.cli.data.ImageShape;
import org.vae4j.data.Table;
import org.vae4j.io.AtomicFile;

/**
 * Draws table rows that are images as a grid of grey tiles (value 0 black, 1 white; rows outside [0, 1]
 * are scaled by the grid's range), and puts grids side by side under titles.
 */
public final class ImageGrid {

    private static final int GAP = 2;
    private static final int TITLE_HEIGHT = 24;
    private static final int SPACING = 16;

    private ImageGrid() {}

    /**
     * The first {@code count} rows of {@code table} as a grid {@code columns} tiles wide, each pixel drawn
     * {@code scale} x {@code scale}.
     */
    public static BufferedImage grid(Table table, int count, ImageShape shape, int columns, int scale) {
        int n = Math.min(count, table.rows());
        int rows = (n + columns - 1) / columns;
        int tileW = shape.width() * scale;
        int tileH = shape.height() * scale;
        BufferedImage image = new BufferedImage(columns * (tileW + GAP) + GAP, rows * (tileH + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x40, 0x40, 0x40));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        double[] range = range(table, n, shape.pixels());
        for (int i = 0; i < n; i++) {
            int x0 = GAP + (i % columns) * (tileW + GAP);
            int y0 = GAP + (i / columns) * (tileH + GAP);
            for (int p = 0; p < shape.pixels(); p++) {
                double v = (table.value(i, p) - range[0]) / (range[1] - range[0]);
                int grey = (int) Math.round(255 * Math.max(0, Math.min(1, v)));
                int rgb = grey << 16 | grey << 8 | grey;
                int px = x0 + (p % shape.width()) * scale;
                int py = y0 + (p / shape.width()) * scale;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(px + dx, py + dy, rgb);
                    }
                }
            }
        }
        return image;
    }

    /** Two pictures side by side on white, each under its title. */
    public static BufferedImage besideEachOther(BufferedImage left, String leftTitle, BufferedImage right,
            String rightTitle) {
        int width = left.getWidth() + SPACING + right.getWidth();
        int height = TITLE_HEIGHT + Math.max(left.getHeight(), right.getHeight());
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(leftTitle, 4, TITLE_HEIGHT - 7);
        g.drawString(rightTitle, left.getWidth() + SPACING + 4, TITLE_HEIGHT - 7);
        g.drawImage(left, 0, TITLE_HEIGHT, null);
        g.drawImage(right, left.getWidth() + SPACING, TITLE_HEIGHT, null);
        g.dispose();
        return out;
    }

    /**
     * Writes a picture as PNG atomically, creating parent folders. The encoder buffers in memory, not in a
     * cache file of its own, so only the target's folder has to be writable.
     *
     * @throws org.vae4j.io.FileWriteException naming the file and the cause; no partial PNG is left
     */
    public static void write(BufferedImage image, Path file) throws IOException {
        AtomicFile.write(file, out -> {
            ImageWriter png = ImageIO.getImageWritersByFormatName("png").next();
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                png.setOutput(stream);
                png.write(image);
            } finally {
                png.dispose();
            }
        });
    }

    /** [min, max] to scale by: [0, 1] when the values lie within it, else their own range. */
    private static double[] range(Table table, int n, int pixels) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < pixels; p++) {
                min = Math.min(min, table.value(i, p));
                max = Math.max(max, table.value(i, p));
            }
        }
        if (min >= 0 && max <= 1 || !(max > min)) {
            return new double[] {0, 1};
        }
        return new double[] {min, max};
    }
}
