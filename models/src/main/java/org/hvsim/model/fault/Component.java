package org.hvsim.model.fault;

/** What fails. */
public enum Component {
    /** The hypervisor: every VM and the control domain go down. */
    HYPERVISOR,
    /** The control domain (dom0, parent partition, host OS, service console): as the architecture says. */
    PARENT,
    /** One VM's guest OS: each instance of the template fails on its own. */
    GUEST,
    /** The host's hardware: everything on it goes down. */
    HOST
}
