/** The results contract shared with the reports module: estimates with confidence intervals, figures, distributions. */
package org.hvsim.core.result;
