/** Architecture profiles (native, hosted, monolithic, microkernel) with cited defaults, and their registry by name. */
package org.hvsim.model.arch;
