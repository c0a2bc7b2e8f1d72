/**
 * What the reports add to a sweep's points ({@code ExperimentResult.points()} and friends): the point at
 * which architectures are compared side by side, and the numeric reading of values written with units
 * ("40 /s") so that a parameter can become a chart axis.
 */
package org.hvsim.report.sweep;
