package org.hvsim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Checks shared by the chart tests: the PNG is real, sized and not blank; the SVG is XML. */
final class ChartTestSupport {

    static final int WIDTH = 800;
    static final int HEIGHT = 450;

    private ChartTestSupport() {
    }

    /** Writes the chart as a PNG file, reads it back, and checks its size and that it is not blank. */
    static BufferedImage renderPng(JFreeChart chart, Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".png");
        ChartWriter.writePng(chart, file, WIDTH, HEIGHT);
        byte[] bytes = Files.readAllBytes(file);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, "a readable PNG");
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        assertNotBlank(image);
        return image;
    }

    /** Writes the chart as a PNG of {@code width} × {@code height}, reads it back and checks it. */
    static BufferedImage renderPng(JFreeChart chart, Path dir, String name, int width, int height) throws IOException {
        Path file = dir.resolve(name + ".png");
        ChartWriter.writePng(chart, file, width, height);
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, "a readable PNG");
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        assertNotBlank(image);
        return image;
    }

    /**
     * A drawn chart has many colours (text antialiasing, series) and a fair share of pixels that are
     * not the white background; an empty or failed rendering has neither.
     */
    static void assertNotBlank(BufferedImage image) {
        int colours = distinctColours(image);
        assertTrue(colours > 20, "a drawn chart has many colours; got " + colours);
        double inked = 1.0 - (double) pixelsOf(image, Color.WHITE) / (image.getWidth() * image.getHeight());
        assertTrue(inked > 0.04, "more than 4 % of the pixels are not background; got " + inked);
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    static int pixelsOf(BufferedImage image, Color colour) {
        int rgb = colour.getRGB() & 0xFFFFFF;
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Parses the chart's SVG with the JDK's XML parser; fails if it is not well-formed. */
    static Document parseSvg(JFreeChart chart) throws Exception {
        String svg = ChartWriter.svg(chart, WIDTH, HEIGHT);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // no DTD fetching: the test must not touch the network
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        return doc;
    }
}
