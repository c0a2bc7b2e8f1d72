/** One host under one architecture as a replication model: builds devices, hypervisor, guests and workloads, walks each request through its chain of stages, reports the metrics of the output contract. */
package org.hvsim.model.system;
