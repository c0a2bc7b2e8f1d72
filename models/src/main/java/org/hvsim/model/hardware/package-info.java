/** Host hardware: pCPUs, memory, disks and NICs, and the FCFS station that models a device. */
package org.hvsim.model.hardware;
