package org.hvsim.scenario.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Fleet sizing and licence arithmetic on hand-checked cases. */
class CostModelTest {

    static final CostModel.Edition STANDARD = new CostModel.Edition("standard", 1000, 1, false);
    static final CostModel.Edition ENTERPRISE = new CostModel.Edition("enterprise", 4000, 4, false);
    static final CostModel.Edition DATACENTER = new CostModel.Edition("datacenter", 3000, 0, true);

    @Test
    void anEditionWithFourGuestsNeedsASecondLicenceForTheFifthVm() {
        assertEquals(1, CostModel.guestLicences(ENTERPRISE, 4, 2));
        assertEquals(2, CostModel.guestLicences(ENTERPRISE, 5, 2));
        assertEquals(5, CostModel.guestLicences(STANDARD, 5, 2));
        assertEquals(0, CostModel.guestLicences(ENTERPRISE, 0, 2));
    }

    @Test
    void perProcessorLicencesCountSocketsNotGuests() {
        assertEquals(2, CostModel.guestLicences(DATACENTER, 1, 2));
        assertEquals(2, CostModel.guestLicences(DATACENTER, 60, 2));
        assertEquals(4, CostModel.guestLicences(DATACENTER, 60, 4));
        // a hypervisor licence covering two sockets: one for 2 sockets, two for 3 or 4
        assertEquals(1, CostModel.socketLicences(2, 2));
        assertEquals(2, CostModel.socketLicences(3, 2));
        assertEquals(4, CostModel.socketLicences(4, 1));
    }

    @Test
    void hostsNeededIsTheCeilingPlusTheSpares() {
        assertEquals(1, CostModel.spares("n+1"));
        assertEquals(0, CostModel.spares("n"));
        assertEquals(2, CostModel.spares("N + 2"));
        assertEquals(-1, CostModel.spares("2n"));
        CostModel.Fleet fleet = new CostModel.Fleet(100, 1);
        assertEquals(5 + 1, CostModel.hostsNeeded(fleet, 20));
        assertEquals(6 + 1, CostModel.hostsNeeded(fleet, 19));
        assertEquals(-1, CostModel.hostsNeeded(fleet, 0));
    }

    @Test
    void costPerVmSpreadsTheVmsOverTheHostsAndPicksTheCheapestEdition() {
        CostModel.Costs c = new CostModel.Costs("USD", 2, 8000, 2,
                Map.of("esx", new CostModel.Licence(0, 3000, 2), "hyperv", new CostModel.Licence(1000, 0, 1)),
                List.of(STANDARD, ENTERPRISE, DATACENTER));
        // esx, 1 host, 5 VMs, Enterprise: 8000 + 3000 (one 2-socket licence) + 2 x 4000 = 19000 / 5 / 2 years
        assertEquals(1900.0, CostModel.perVm(c, "esx", 1, 5, ENTERPRISE), 1e-9);
        // hyperv, 2 hosts, 9 VMs spread 5 + 4, Standard: 2 x 9000 + 9 x 1000 = 27000 / 9 / 2
        assertEquals(1500.0, CostModel.perVm(c, "hyperv", 2, 9, STANDARD), 1e-9);
        // 2 hosts, 9 VMs, Enterprise: 5 -> 2 licences, 4 -> 1: 18000 + 12000 = 30000 / 9 / 2
        assertEquals(30000.0 / 18, CostModel.perVm(c, "hyperv", 2, 9, ENTERPRISE), 1e-9);
        // Datacenter: 2 hosts x 2 sockets x 3000 = 12000, the same as Enterprise here; 40 VMs make it cheapest
        CostModel.Priced many = CostModel.cheapest(c, "hyperv", 2, 40);
        assertEquals("datacenter", many.edition());
        assertEquals((18000.0 + 12000) / 40 / 2, many.perVmPerYear(), 1e-9);
        assertEquals("standard", CostModel.cheapest(c, "hyperv", 1, 1).edition());
    }
}
