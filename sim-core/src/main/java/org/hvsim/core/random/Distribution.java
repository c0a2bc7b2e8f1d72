package org.hvsim.core.random;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;

/**
 * A non-negative random quantity (service demand, think time, inter-arrival time), with its first two
 * moments so that analytic oracles and the scenario explainer can use them. Values are in whatever unit
 * the caller chose (seconds for times).
 */
public sealed interface Distribution {

    double mean();

    double variance();

    /** Squared coefficient of variation, variance / mean². */
    default double scv() {
        double m = mean();
        return variance() / (m * m);
    }

    /** Second raw moment E[X²]. */
    default double secondMoment() {
        double m = mean();
        return variance() + m * m;
    }

    /** A sampler drawing from {@code rng}. */
    Sampler sampler(RandomGenerator rng);

    /** The same shape with every value multiplied by {@code factor} (e.g. a slower CPU). */
    Distribution scaled(double factor);

    static void requirePositive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + v);
        }
    }

    static void requireNonNegative(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be non-negative and finite, got " + v);
        }
    }

    /** Checks a distribution given by its mean and coefficient of variation: both positive and finite. */
    private static void requireMeanAndCv(String kind, double mean, double cv) {
        requirePositive(kind + " mean", mean);
        requirePositive(kind + " cv", cv);
    }

    /** Always {@code value}. */
    record Constant(double value) implements Distribution {
        public Constant {
            requireNonNegative("constant value", value);
        }

        public double mean() { return value; }

        public double variance() { return 0; }

        public Sampler sampler(RandomGenerator rng) {
            double v = value;
            return () -> v;
        }

        public Distribution scaled(double f) { return new Constant(value * f); }
    }

    /** Exponential with the given mean. */
    record Exponential(double mean) implements Distribution {
        public Exponential {
            requirePositive("exponential mean", mean);
        }

        public double variance() { return mean * mean; }

        public Sampler sampler(RandomGenerator rng) {
            double m = mean;
            // 1 - u lies in (0, 1], so the log is finite.
            return () -> -m * Math.log(1.0 - rng.nextDouble());
        }

        public Distribution scaled(double f) { return new Exponential(mean * f); }
    }

    /** Uniform on [low, high]. */
    record Uniform(double low, double high) implements Distribution {
        public Uniform {
            requireNonNegative("uniform low", low);
            if (!(high >= low) || Double.isInfinite(high)) {
                throw new IllegalArgumentException("uniform high must be >= low, got " + low + ".." + high);
            }
        }

        public double mean() { return (low + high) / 2; }

        public double variance() { return (high - low) * (high - low) / 12; }

        public Sampler sampler(RandomGenerator rng) {
            double lo = low;
            double w = high - low;
            return () -> lo + w * rng.nextDouble();
        }

        public Distribution scaled(double f) { return new Uniform(low * f, high * f); }
    }

    /**
     * Normal with the given mean and standard deviation, truncated at zero by redrawing (a demand
     * cannot be negative). The moments reported are those of the untruncated normal; keep
     * stddev ≤ mean / 3 for them to be accurate.
     */
    record Normal(double mean, double stddev) implements Distribution {
        public Normal {
            requirePositive("normal mean", mean);
            requireNonNegative("normal stddev", stddev);
        }

        public double variance() { return stddev * stddev; }

        public Sampler sampler(RandomGenerator rng) {
            double m = mean;
            double s = stddev;
            return () -> {
                double x;
                do {
                    x = m + s * rng.nextGaussian();
                } while (x < 0);
                return x;
            };
        }

        public Distribution scaled(double f) { return new Normal(mean * f, stddev * f); }
    }

    /** Lognormal given by its mean and coefficient of variation. */
    record LogNormal(double mean, double cv) implements Distribution {
        public LogNormal {
            requireMeanAndCv("lognormal", mean, cv);
        }

        public double variance() { return (cv * mean) * (cv * mean); }

        public Sampler sampler(RandomGenerator rng) {
            double sigma2 = Math.log1p(cv * cv);
            double mu = Math.log(mean) - sigma2 / 2;
            LogNormalDistribution d = new LogNormalDistribution(rng, mu, Math.sqrt(sigma2),
                    LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
            return d::sample;
        }

        public Distribution scaled(double f) { return new LogNormal(mean * f, cv); }
    }

    /** Gamma given by its mean and coefficient of variation (shape = 1/cv²). */
    record GammaDist(double mean, double cv) implements Distribution {
        public GammaDist {
            requireMeanAndCv("gamma", mean, cv);
        }

        public double variance() { return (cv * mean) * (cv * mean); }

        public Sampler sampler(RandomGenerator rng) {
            double shape = 1 / (cv * cv);
            GammaDistribution d = new GammaDistribution(rng, shape, mean / shape,
                    GammaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
            return d::sample;
        }

        public Distribution scaled(double f) { return new GammaDist(mean * f, cv); }
    }

    /** Weibull by shape and scale. */
    record Weibull(double shape, double scale) implements Distribution {
        public Weibull {
            requirePositive("weibull shape", shape);
            requirePositive("weibull scale", scale);
        }

        public double mean() { return scale * Math.exp(Gamma.logGamma(1 + 1 / shape)); }

        public double variance() {
            double g2 = Math.exp(Gamma.logGamma(1 + 2 / shape));
            double g1 = Math.exp(Gamma.logGamma(1 + 1 / shape));
            return scale * scale * (g2 - g1 * g1);
        }

        public Sampler sampler(RandomGenerator rng) {
            WeibullDistribution d = new WeibullDistribution(rng, shape, scale,
                    WeibullDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
            return d::sample;
        }

        public Distribution scaled(double f) { return new Weibull(shape, scale * f); }
    }

    /**
     * Mixture of exponentials: phase i with probability {@code probabilities[i]} and mean
     * {@code means[i]}. {@link #balanced} builds the usual two-phase fit to a mean and cv ≥ 1.
     */
    record HyperExponential(double[] probabilities, double[] means) implements Distribution {
        public HyperExponential {
            if (probabilities.length == 0 || probabilities.length != means.length) {
                throw new IllegalArgumentException("hyperexponential needs as many probabilities as means");
            }
            double sum = 0;
            for (int i = 0; i < means.length; i++) {
                requireNonNegative("hyperexponential probability", probabilities[i]);
                requirePositive("hyperexponential mean", means[i]);
                sum += probabilities[i];
            }
            if (Math.abs(sum - 1) > 1e-9) {
                throw new IllegalArgumentException("hyperexponential probabilities must add up to 1, got " + sum);
            }
            probabilities = probabilities.clone();
            means = means.clone();
        }

        /** Two phases with balanced means (p1·m1 = p2·m2) matching {@code mean} and {@code cv} ≥ 1. */
        public static HyperExponential balanced(double mean, double cv) {
            requirePositive("hyperexponential mean", mean);
            if (!(cv >= 1)) {
                throw new IllegalArgumentException("hyperexponential cv must be >= 1, got " + cv);
            }
            double c2 = cv * cv;
            double p = 0.5 * (1 + Math.sqrt((c2 - 1) / (c2 + 1)));
            return new HyperExponential(new double[] {p, 1 - p}, new double[] {mean / (2 * p), mean / (2 * (1 - p))});
        }

        public double mean() {
            double m = 0;
            for (int i = 0; i < means.length; i++) {
                m += probabilities[i] * means[i];
            }
            return m;
        }

        @Override
        public double secondMoment() {
            double s = 0;
            for (int i = 0; i < means.length; i++) {
                s += probabilities[i] * 2 * means[i] * means[i];
            }
            return s;
        }

        public double variance() {
            double m = mean();
            return secondMoment() - m * m;
        }

        public Sampler sampler(RandomGenerator rng) {
            double[] p = probabilities;
            double[] m = means;
            return () -> {
                double u = rng.nextDouble();
                int i = 0;
                while (i < p.length - 1 && u >= p[i]) {
                    u -= p[i];
                    i++;
                }
                return -m[i] * Math.log(1.0 - rng.nextDouble());
            };
        }

        public Distribution scaled(double f) {
            double[] m = means.clone();
            for (int i = 0; i < m.length; i++) {
                m[i] *= f;
            }
            return new HyperExponential(probabilities, m);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof HyperExponential h && Arrays.equals(probabilities, h.probabilities)
                    && Arrays.equals(means, h.means);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(probabilities) + Arrays.hashCode(means);
        }

        @Override
        public String toString() {
            return "HyperExponential[p=" + Arrays.toString(probabilities) + ", means=" + Arrays.toString(means) + "]";
        }
    }

    /** Resamples observed values with equal probability (e.g. service times measured on a real system). */
    record Empirical(List<Double> values) implements Distribution {
        public Empirical {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("empirical distribution needs at least one value");
            }
            for (double v : values) {
                requireNonNegative("empirical value", v);
            }
            values = List.copyOf(values);
        }

        public double mean() {
            double s = 0;
            for (double v : values) {
                s += v;
            }
            return s / values.size();
        }

        public double variance() {
            double m = mean();
            double s = 0;
            for (double v : values) {
                s += (v - m) * (v - m);
            }
            return s / values.size();
        }

        public Sampler sampler(RandomGenerator rng) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            return () -> v[rng.nextInt(v.length)];
        }

        public Distribution scaled(double f) {
            return new Empirical(values.stream().map(x -> x * f).toList());
        }
    }
}
