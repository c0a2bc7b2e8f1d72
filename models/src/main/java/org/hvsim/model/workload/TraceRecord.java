package org.hvsim.model.workload;

/**
 * One request of a trace: when it arrives and what it asks for, in the order its phases run: CPU on
 * the VM, then {@code diskOps} operations sharing {@code diskBytes} on the trace's disk, then
 * {@code netBytes} sent through the trace's NIC. A demand of 0 skips its phase.
 *
 * @param time      arrival instant in seconds (of the trace; the replay scales it)
 * @param cpu       CPU demand in seconds on the reference core
 * @param diskOps   disk operations, ≥ 0
 * @param diskBytes bytes of all the operations together, split evenly between them
 * @param netBytes  bytes sent
 */
public record TraceRecord(double time, double cpu, int diskOps, double diskBytes, double netBytes) {

    public TraceRecord {
        if (!(time >= 0) || !(cpu >= 0) || diskOps < 0 || !(diskBytes >= 0) || !(netBytes >= 0)
                || Double.isInfinite(time + cpu + diskBytes + netBytes) || diskOps == 0 && diskBytes > 0) {
            throw new IllegalArgumentException("trace record: finite values >= 0, disk bytes only with operations");
        }
    }

    /** The same request, arriving at {@code at}, its CPU and bytes multiplied by {@code demandScale}. */
    public TraceRecord scaled(double at, double demandScale) {
        return new TraceRecord(at, cpu * demandScale, diskOps, diskBytes * demandScale, netBytes * demandScale);
    }
}
