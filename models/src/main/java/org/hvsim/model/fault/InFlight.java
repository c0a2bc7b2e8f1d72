package org.hvsim.model.fault;

/** What becomes of the requests in a VM when it goes down. */
public enum InFlight {
    /** Counted lost at the failure; they never complete. */
    LOST,
    /** Sent again, from their first stage, when the VM is back (response time counted from the first arrival). */
    RETRIED,
    /** Held where they were and resumed when the VM is back. */
    DELAYED
}
