/**
 * Presentation knowledge about metrics and scopes: how a metric name from the results is labelled,
 * in which unit and scale it is shown, and which way is better; how scope names are classified
 * (host, VM, VM/class). Nothing here changes a number, it only says how to show it.
 */
package org.hvsim.report.metric;
