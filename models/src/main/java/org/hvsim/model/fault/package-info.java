/**
 * Faults and availability: what fails ({@link FaultSpec}), what a failure takes down under each
 * architecture ({@link BlastRadius}), and one replication's failure history as intervals
 * ({@link OutageHistory}), drawn from streams named per fault so that every architecture sees the same
 * failures; {@link AvailabilityModel} runs that history alone over a long horizon.
 */
package org.hvsim.model.fault;
