/** Hypervisor schedulers that place vCPUs on pCPUs, and their registry by name. A new scheduler is one class plus one registration; a policy keeps its state in its own vCPU and domain types. The hypervisor schedules guests: this package depends on guest, never the reverse. */
package org.hvsim.model.hypervisor;
