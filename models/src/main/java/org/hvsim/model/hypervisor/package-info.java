/** Hypervisor schedulers that place vCPUs on pCPUs, and their registry by name. A new scheduler is one class plus one registration. */
package org.hvsim.model.hypervisor;
