package org.hvsim.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each distribution's sampler against its own mean() and variance(). */
class DistributionTest {

    private static final int N = 200_000;

    static Stream<Arguments> distributions() {
        return Stream.of(
                Arguments.of("constant", new Distribution.Constant(0.7)),
                Arguments.of("exponential", new Distribution.Exponential(0.25)),
                Arguments.of("uniform", new Distribution.Uniform(1.0, 4.0)),
                Arguments.of("normal", new Distribution.Normal(2.0, 0.5)),
                Arguments.of("lognormal", new Distribution.LogNormal(2.0, 0.5)),
                Arguments.of("lognormal-cv1.2", new Distribution.LogNormal(0.01, 1.2)),
                Arguments.of("gamma", new Distribution.GammaDist(3.0, 0.7)),
                Arguments.of("gamma-cv2", new Distribution.GammaDist(1.0, 2.0)),
                Arguments.of("weibull", new Distribution.Weibull(1.5, 2.0)),
                Arguments.of("weibull-shape0.7", new Distribution.Weibull(0.7, 1.0)),
                Arguments.of("hyperexponential-3", new Distribution.HyperExponential(
                        new double[] {0.5, 0.3, 0.2}, new double[] {0.1, 1.0, 3.0})),
                Arguments.of("hyperexponential-balanced", Distribution.HyperExponential.balanced(2.0, 2.0)),
                Arguments.of("empirical", new Distribution.Empirical(List.of(0.1, 0.5, 2.0, 3.5, 0.5))));
    }

    /** Sample moments: mean, variance (two-pass, n-1), fourth central moment. */
    static double[] moments(Sampler s, int n) {
        double[] x = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            x[i] = s.next();
            assertTrue(x[i] >= 0 && Double.isFinite(x[i]), "bad draw " + x[i]);
            sum += x[i];
        }
        double mean = sum / n;
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = (v - mean) * (v - mean);
            m2 += d;
            m4 += d * d;
        }
        return new double[] {mean, m2 / (n - 1), m4 / n};
    }

    /** Sample mean within 5 standard errors of mean(), sample variance within 5 of its standard errors of variance(). */
    static void assertMomentsMatch(String name, Distribution d, long seed, int n) {
        double[] m = moments(d.sampler(new MersenneTwister(seed)), n);
        double meanTol = 5 * Math.sqrt(d.variance() / n) + 1e-9 * d.mean();
        assertEquals(d.mean(), m[0], meanTol, name + ": sample mean vs mean()");
        double varTol = 5 * Math.sqrt(Math.max(0, m[2] - m[1] * m[1]) / n) + 1e-9 * d.variance() + 1e-12 * d.mean() * d.mean();
        assertEquals(d.variance(), m[1], varTol, name + ": sample variance vs variance()");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void sampleMomentsMatchTheFormulas(String name, Distribution d) {
        assertMomentsMatch(name, d, 20240601L + name.hashCode(), N);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void derivedMomentsAreConsistent(String name, Distribution d) {
        double m = d.mean();
        double v = d.variance();
        assertEquals(v / (m * m), d.scv(), 1e-12 * Math.max(1, d.scv()), name + " scv");
        assertEquals(v + m * m, d.secondMoment(), 1e-12 * d.secondMoment(), name + " second moment");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void scaledScalesTheMeanAndKeepsTheShape(String name, Distribution d) {
        double f = 2.5;
        Distribution s = d.scaled(f);
        assertEquals(f * d.mean(), s.mean(), 1e-12 * f * d.mean(), name + " scaled mean");
        assertEquals(f * f * d.variance(), s.variance(), 1e-12 * f * f * Math.max(d.variance(), 1e-300),
                name + " scaled variance");
        assertEquals(d.scv(), s.scv(), 1e-12 * Math.max(1, d.scv()), name + " scaled scv");
        assertEquals(d.getClass(), s.getClass());
        assertMomentsMatch(name + " scaled", s, 77L + name.hashCode(), N / 4);
    }

    @Test
    void balancedHyperExponentialReproducesMeanAndCv() {
        for (double cv : new double[] {1.0, 1.5, 3.0}) {
            Distribution.HyperExponential h = Distribution.HyperExponential.balanced(2.0, cv);
            assertEquals(2.0, h.mean(), 1e-12, "mean at cv " + cv);
            assertEquals(cv, Math.sqrt(h.scv()), 1e-12, "cv at cv " + cv);
            // balanced: p1 m1 = p2 m2
            assertEquals(h.probabilities()[0] * h.means()[0], h.probabilities()[1] * h.means()[1], 1e-12);
            assertMomentsMatch("balanced cv " + cv, h, 31L, N);
        }
        assertThrows(IllegalArgumentException.class, () -> Distribution.HyperExponential.balanced(1.0, 0.9));
    }

    @Test
    void sampledCoefficientOfVariationOfABalancedHyperExponential() {
        Distribution.HyperExponential h = Distribution.HyperExponential.balanced(0.5, 2.0);
        double[] m = moments(h.sampler(new MersenneTwister(5)), N);
        assertEquals(0.5, m[0], 0.01);
        assertEquals(2.0, Math.sqrt(m[1]) / m[0], 0.1);
    }

    @Test
    void exponentialSamplerUsesTheMeanNotTheRate() {
        double[] m = moments(new Distribution.Exponential(4.0).sampler(new MersenneTwister(3)), N);
        assertEquals(4.0, m[0], 0.05);
        assertEquals(16.0, m[1], 0.5);
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Exponential(0));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Uniform(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Constant(-1));
        assertThrows(IllegalArgumentException.class,
                () -> new Distribution.HyperExponential(new double[] {0.5, 0.4}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Empirical(List.of()));
    }
}
