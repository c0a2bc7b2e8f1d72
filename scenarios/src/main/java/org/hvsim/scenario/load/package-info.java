/**
 * Loading scenario files: YAML text to a located tree, and typed, error-collecting reading of it.
 *
 * <p>This package knows nothing about hypervisors or the scenario schema; the schema is written on
 * top of it. What lives here:
 * <ul>
 *   <li>{@link org.hvsim.scenario.load.YamlTree} parses a file into {@link org.hvsim.scenario.load.Node}s
 *       ({@link org.hvsim.scenario.load.MapNode}, {@link org.hvsim.scenario.load.ListNode},
 *       {@link org.hvsim.scenario.load.ScalarNode}) that keep their line and column;</li>
 *   <li>{@link org.hvsim.scenario.load.ObjectReader} reads one mapping with typed getters and reports
 *       unknown keys; {@link org.hvsim.scenario.load.Variant} checks "one key names the kind" values;
 *       numeric getters accept sweeps (lists and ranges), recorded in {@link org.hvsim.scenario.load.Sweeps};</li>
 *   <li>{@link org.hvsim.scenario.load.Units} and {@link org.hvsim.scenario.load.Quantity} turn
 *       "5 min", "4 GB", "1 Gbit/s", "40 /s", "50 %", "2 GHz" into SI doubles;</li>
 *   <li>{@link org.hvsim.scenario.load.NearestKey} finds the name a user probably meant;</li>
 *   <li>{@link org.hvsim.scenario.load.Problem}, {@link org.hvsim.scenario.load.Problems} and
 *       {@link org.hvsim.scenario.load.ScenarioException} carry the mistakes found, as
 *       {@code file:line:column: message}.</li>
 * </ul>
 *
 * <p>The rule throughout: bad input never produces a stack trace. Every mistake becomes a
 * {@link org.hvsim.scenario.load.Problem} pointing at the place to fix, reading continues with a
 * default so that all mistakes are reported in one run, and only
 * {@link org.hvsim.scenario.load.ScenarioException} leaves the package.
 */
package org.hvsim.scenario.load;
