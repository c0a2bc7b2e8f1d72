/**
 * The human-readable report: a single self-contained {@code report.html} (charts embedded as PNG
 * data URIs, inline CSS, no scripts, no network) with the SVG versions beside it in {@code charts/};
 * the key findings computed from the figures; and the HTML escaping every scenario-supplied text
 * goes through.
 */
package org.hvsim.report.html;
