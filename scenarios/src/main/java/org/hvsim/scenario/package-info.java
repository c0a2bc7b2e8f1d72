/**
 * Scenario files turned into models: the loader (ScenarioLoader, reading every key through
 * org.hvsim.scenario.schema), includes and empirical CSV files, sweeps (Sweep: one Scenario per grid
 * point), the runner that compares architectures with common random numbers, paired A/B comparison,
 * and the explanation of a resolved scenario with the source of every value.
 */
package org.hvsim.scenario;
