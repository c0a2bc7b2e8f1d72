package org.hvsim.model.guest;

/** How a guest OS places runnable work on its vCPUs. */
public enum GuestDiscipline {
    /** Egalitarian processor sharing: n jobs share the running vCPUs equally (a fair-share OS at fine grain). */
    PS("ps"),
    /** First come, first served: each job holds a vCPU until its burst ends. */
    FCFS("fcfs"),
    /** Round robin with a quantum of CPU time. */
    RR("rr");

    private final String key;

    GuestDiscipline(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static GuestDiscipline byKey(String key) {
        for (GuestDiscipline d : values()) {
            if (d.key.equals(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown guest scheduler '" + key + "'");
    }
}
