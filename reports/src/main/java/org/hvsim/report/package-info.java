/**
 * Turns an {@link org.hvsim.core.result.ExperimentResult} into the files of the output contract
 * (docs/metrics.md): {@code metrics.csv}, {@code results.json}, {@code report.html} and
 * {@code charts/}. {@link org.hvsim.report.Report#writeAll} is the single entry point;
 * {@link org.hvsim.report.ResultWriter} is what each output format implements.
 */
package org.hvsim.report;
