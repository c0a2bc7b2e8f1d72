/** One host under one architecture as a replication model: VM templates ({@link org.hvsim.model.system.VmSpec}, which join a guest, its workload and its hypervisor controls), the wiring of devices, hypervisor, guests and workloads, the planning of each request's chain of stages and the walk through it, and the metrics of the output contract. */
package org.hvsim.model.system;
