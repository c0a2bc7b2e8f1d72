/** Statistics updated at state changes only: observation tallies, time-weighted levels, HdrHistogram percentiles, all reset at the warm-up instant; Student-t confidence intervals across replications. */
package org.hvsim.core.stats;
