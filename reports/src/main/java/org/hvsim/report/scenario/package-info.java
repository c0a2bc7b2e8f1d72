/**
 * What the reports read from the resolved scenario (a plain tree of maps, lists, strings and
 * numbers): durations written with units ("30 s", "200 ms"), the warm-up instant, the SLA, and the
 * summary facts a reader needs before the numbers. Lenient on purpose: the scenario was validated
 * when it was loaded, and a report must still be written if a key moved or is missing.
 */
package org.hvsim.report.scenario;
