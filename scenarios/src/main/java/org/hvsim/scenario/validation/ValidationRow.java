package org.hvsim.scenario.validation;

import java.util.Objects;

/**
 * One row of the validation table: a published figure, the scenario and formula that give hvsim's
 * figure for it, its class and its target (docs/validation.md; the rows are listed in {@link ValidationRows}).
 *
 * @param group     the published source's row in docs/references.md ("R1.b")
 * @param set       the published experiment the row belongs to ("null call (µs)"); rows of one set, and
 *                  its baseline, are what "the published order" compares
 * @param arch      the architecture (or configuration) the row is about, as the page names it
 * @param scenario  the file in scenarios/validation without ".yaml"
 * @param published the published figure
 * @param formula   hvsim's figure from one replication of every architecture of the scenario (paired:
 *                  the architectures of one replication share their random numbers)
 * @param kind      calibration or prediction
 * @param sets      for a calibration row, the parameter it set and its value; "" for a prediction
 * @param baseline  the set's reference (native, usually) for the order check, or null
 * @param knownMiss why the row cannot meet its target and what the model lacks; null when it should
 */
public record ValidationRow(String group, String set, String arch, String scenario, Published published,
        Formula formula, Kind kind, String sets, Baseline baseline, String knownMiss) {

    public ValidationRow {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(kind, "kind");
    }

    /** Calibration rows set a parameter and must stay within 5 %; predictions within 15 % or in order. */
    public enum Kind {
        CALIBRATION(0.05), PREDICTION(0.15);

        public final double tolerance;

        Kind(double tolerance) {
            this.tolerance = tolerance;
        }
    }

    /** hvsim's figure from one replication. */
    @FunctionalInterface
    public interface Formula {
        double of(Replication r);
    }

    /** The figures of one replication of a scenario, by architecture, scope, metric and sweep point. */
    public interface Replication {
        /**
         * The figure; {@code at} are pairs of a swept parameter's name (or its last segment) and its value
         * as written ("mtu", "500").
         */
        double v(String arch, String scope, String metric, String... at);
    }

    /** The reference of a set: its published figure and hvsim's. */
    public record Baseline(String name, double published, Formula formula) {
    }

    /** The row as the page names it: "null call (µs), xen-3.0". */
    public String quantity() {
        return set + ", " + arch;
    }

    /** A published figure: a value, a range or a bound. */
    public sealed interface Published {
        /** The relative error of {@code x}: to the value, to the nearer end of a range (0 inside), past a bound. */
        double error(double x);

        /** The figure an order comparison uses. */
        double central();

        String text();
    }

    public record Value(double value) implements Published {
        public double error(double x) {
            return (x - value) / value;
        }

        public double central() {
            return value;
        }

        public String text() {
            return ValidationPage.num(value);
        }
    }

    public record Range(double low, double high) implements Published {
        public double error(double x) {
            return x < low ? (x - low) / low : x > high ? (x - high) / high : 0;
        }

        public double central() {
            return (low + high) / 2;
        }

        public String text() {
            return ValidationPage.num(low) + "–" + ValidationPage.num(high);
        }
    }

    /** {@code atMost}: the figure is ≤ bound; otherwise ≥ bound. */
    public record Bound(double bound, boolean atMost) implements Published {
        public double error(double x) {
            return atMost ? (x <= bound ? 0 : (x - bound) / bound) : (x >= bound ? 0 : (x - bound) / bound);
        }

        public double central() {
            return bound;
        }

        public String text() {
            return (atMost ? "≤ " : "≥ ") + ValidationPage.num(bound);
        }
    }
}
