package org.hvsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The colour of each architecture, so that one architecture has one colour in every chart of a
 * report. Each family (native, hosted, monolithic, microkernel) has its colour, which readers learn
 * across reports: the first architecture of a family gets it (xen-3.0 is microkernel green), and
 * further ones of the same family (hyperv-2008-core beside xen-3.0), like names of no known family,
 * take the remaining colours in order of first appearance. Colours are from the Okabe–Ito set,
 * distinguishable with colour-vision deficiency.
 */
public final class ArchitecturePalette {

    /** Fixed colours of the families (and of the built-in architectures named after them). */
    public static final Map<String, Color> FIXED = Map.of(
            "native", new Color(0x99, 0x99, 0x99),       // neutral grey: the baseline
            "hosted", new Color(0xE6, 0x9F, 0x00),       // orange
            "monolithic", new Color(0x00, 0x72, 0xB2),   // blue
            "microkernel", new Color(0x00, 0x9E, 0x73)); // bluish green

    /** Colours for other architectures, used in order. */
    public static final List<Color> EXTRA = List.of(
            new Color(0xCC, 0x79, 0xA7),  // reddish purple
            new Color(0x56, 0xB4, 0xE9),  // sky blue
            new Color(0xD5, 0x5E, 0x00),  // vermillion
            new Color(0xF0, 0xE4, 0x42),  // yellow
            new Color(0x88, 0x22, 0x55),  // wine
            new Color(0x44, 0xAA, 0x99),  // teal
            new Color(0x33, 0x22, 0x88),  // indigo
            new Color(0x99, 0x99, 0x33)); // olive

    private final Map<String, Color> assigned = new LinkedHashMap<>();
    private final java.util.Set<Color> taken = new java.util.HashSet<>();
    private final java.util.function.UnaryOperator<String> familyOf;
    private int nextExtra;

    private ArchitecturePalette(java.util.function.UnaryOperator<String> familyOf) {
        this.familyOf = familyOf;
    }

    /** A palette that assigns colours to {@code architectures} in their order, each name its own family. */
    public static ArchitecturePalette of(List<String> architectures) {
        return of(architectures, java.util.function.UnaryOperator.identity());
    }

    /** A palette for a result's architectures, coloured by the families its run summary records. */
    public static ArchitecturePalette of(org.hvsim.core.result.ExperimentResult result) {
        return of(result.architectures(), result.run()::familyOf);
    }

    /** A palette that assigns colours to {@code architectures} in their order, by {@code familyOf}. */
    public static ArchitecturePalette of(List<String> architectures, java.util.function.UnaryOperator<String> familyOf) {
        ArchitecturePalette palette = new ArchitecturePalette(familyOf);
        for (String architecture : architectures) {
            palette.colorOf(architecture);
        }
        return palette;
    }

    /**
     * The colour of {@code architecture}. A name not seen before gets the next free colour, so ask for
     * the architectures in a fixed order (as {@link #of} does) to keep charts reproducible.
     */
    public synchronized Color colorOf(String architecture) {
        return assigned.computeIfAbsent(architecture, name -> {
            Color fixed = FIXED.get(familyOf.apply(name));
            Color c = fixed != null && !taken.contains(fixed) ? fixed : nextExtraColor();
            taken.add(c);
            return c;
        });
    }

    /** Architectures in the order they were given colours. */
    public synchronized List<String> architectures() {
        return new ArrayList<>(assigned.keySet());
    }

    private Color nextExtraColor() {
        int index = nextExtra++;
        if (index < EXTRA.size()) {
            return EXTRA.get(index);
        }
        // beyond the set: spread hues by the golden angle so neighbours still differ
        float hue = (float) (((index - EXTRA.size()) * 0.618033988749895) % 1.0);
        return Color.getHSBColor(hue, 0.65f, 0.75f);
    }

    /**
     * The line of {@code architecture} in line charts: solid, except the baseline (native), which is
     * dashed so that it reads as a reference even when printed in grey.
     */
    public Stroke strokeOf(String architecture) {
        return org.hvsim.core.result.RunSummary.NATIVE.equals(familyOf.apply(architecture))
                ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f)
                : new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /**
     * The point marker of {@code architecture} in curves: a different shape per architecture, so
     * the curves can be told apart without colour too.
     */
    public synchronized Shape shapeOf(String architecture) {
        colorOf(architecture);
        int index = new ArrayList<>(assigned.keySet()).indexOf(architecture);
        double r = 4.5;
        return switch (index % 4) {
            case 0 -> new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case 1 -> new Rectangle2D.Double(-r, -r, 2 * r, 2 * r);
            case 2 -> polygon(new double[] {0, r * 1.2, -r * 1.2}, new double[] {-r * 1.2, r, r});
            default -> polygon(new double[] {0, r * 1.3, 0, -r * 1.3}, new double[] {-r * 1.3, 0, r * 1.3, 0});
        };
    }

    private static Shape polygon(double[] xs, double[] ys) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        path.closePath();
        return path;
    }

    /**
     * Gives each series of {@code data} (keyed by architecture) its architecture's colour, line and point
     * shape, so that every line chart of a report draws an architecture alike.
     */
    public void style(org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer, org.jfree.data.xy.XYDataset data) {
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String architecture = (String) data.getSeriesKey(i);
            renderer.setSeriesPaint(i, colorOf(architecture));
            renderer.setSeriesStroke(i, strokeOf(architecture));
            renderer.setSeriesShape(i, shapeOf(architecture));
        }
    }

    /** The colour as {@code #rrggbb}, for HTML. */
    public static String hex(Color color) {
        return String.format("#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }
}
