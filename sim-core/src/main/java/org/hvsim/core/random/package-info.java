/** Random streams named by what they drive, seeded from (scenario seed, replication, name) for common random numbers, and the distributions drawn from them. */
package org.hvsim.core.random;
