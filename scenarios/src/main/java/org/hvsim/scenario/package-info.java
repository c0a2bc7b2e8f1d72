/** Scenario files turned into models: the schema (ScenarioLoader), the validated Scenario, and the runner that compares its architectures with common random numbers. */
package org.hvsim.scenario;
