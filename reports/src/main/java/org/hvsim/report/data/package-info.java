/**
 * Machine-readable outputs: {@code metrics.csv} (one row per figure) and {@code results.json} (the
 * figures plus the resolved scenario and seed), and the conversion of a resolved scenario into a JSON
 * tree that the HTML report reuses for its scenario dump.
 */
package org.hvsim.report.data;
