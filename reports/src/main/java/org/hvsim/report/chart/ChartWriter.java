package org.hvsim.report.chart;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Renders a chart as PNG (for embedding and viewing) and SVG (for pasting into documents). */
public final class ChartWriter {

    private ChartWriter() {
    }

    /** The chart as PNG bytes of {@code width} × {@code height} pixels. */
    public static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, width, height);
        return out.toByteArray();
    }

    /** The chart as a standalone SVG document. */
    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGDocument();
    }

    /** Writes the PNG to {@code file}. */
    public static void writePng(JFreeChart chart, Path file, int width, int height) throws IOException {
        Files.write(file, png(chart, width, height));
    }

    /** Writes the SVG to {@code file} in UTF-8. */
    public static void writeSvg(JFreeChart chart, Path file, int width, int height) throws IOException {
        Files.writeString(file, svg(chart, width, height), StandardCharsets.UTF_8);
    }
}
