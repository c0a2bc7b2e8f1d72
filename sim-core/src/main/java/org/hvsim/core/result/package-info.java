/**
 * The results contract shared with the reports module: estimates with confidence intervals, figures,
 * distributions, the run summary the reports describe a run by, and the metric definitions. sim-core
 * knows nothing of hypervisors; names such as {@code cpu_util_parent} are output-contract names, kept
 * here as definitions so that the model that records them and the reports that show them share one.
 */
package org.hvsim.core.result;
