/** Guests: CPU jobs and the guest OS schedulers (processor sharing, FCFS, round robin) that place work on vCPUs under the grant of the hypervisor. */
package org.hvsim.model.guest;
