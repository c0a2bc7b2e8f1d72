/** Independent replications of several treatments in parallel, combined in a fixed order so results are bit-identical for any thread count. */
package org.hvsim.core.experiment;
