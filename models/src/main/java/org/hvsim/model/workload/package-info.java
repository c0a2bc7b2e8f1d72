/** Workloads: open and closed arrival processes, request classes and their phases (CPU, disk, network). */
package org.hvsim.model.workload;
