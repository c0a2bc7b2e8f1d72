/**
 * Sweeps as the reports see them: the swept parameter names, the points (one value per parameter),
 * the figures of one point, the point at which architectures are compared side by side, and the
 * numeric reading of values written with units ("40 /s") so that a parameter can become a chart axis.
 */
package org.hvsim.report.sweep;
