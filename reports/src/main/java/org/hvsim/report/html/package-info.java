/**
 * The human-readable report: a single self-contained {@code report.html} (charts embedded as PNG
 * data URIs, inline CSS, no scripts, no network) with the PNG and SVG files beside it in
 * {@code charts/}; which charts it shows and in what order; the key findings, one decision sentence
 * each, with their statistics; and the HTML escaping every scenario-supplied text goes through.
 */
package org.hvsim.report.html;
