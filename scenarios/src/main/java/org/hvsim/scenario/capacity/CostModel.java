package org.hvsim.scenario.capacity;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fleet sizing and licence arithmetic for {@code hvsim capacity}: hosts for a fleet with n+k failover,
 * and the cost per VM per year of an architecture with a guest licence edition.
 */
public final class CostModel {

    private CostModel() {
    }

    /** {@code fleet}: {@code vms} instances of the template, {@code spares} hosts beyond those needed (n+k). */
    public record Fleet(int vms, int spares) {
        public Fleet {
            if (vms < 1 || spares < 0) {
                throw new IllegalArgumentException("fleet needs vms >= 1 and spares >= 0");
            }
        }
    }

    /** Per-host licences of one architecture. */
    public record Licence(double perHost, double perSocket, int socketsPerLicence) {
    }

    /** A guest licence edition; {@code guests} 0 means unlimited. */
    public record Edition(String name, double price, int guests, boolean perSocket) {
        public Edition {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The {@code costs} section. */
    public record Costs(String currency, double years, double hostPrice, int sockets, Map<String, Licence> licences,
            List<Edition> editions) {
        public Costs {
            // in insertion order (Map.copyOf's order changes from one JVM run to the next)
            licences = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(licences));
            editions = List.copyOf(editions);
        }
    }

    /** A cost per VM per year and the edition it was reached with ("" without editions). */
    public record Priced(double perVmPerYear, String edition) {
    }

    /** Hosts a fleet needs at {@code perHost} VMs each: ⌈vms / perHost⌉ + spares; -1 when no VM fits. */
    public static int hostsNeeded(Fleet fleet, int perHost) {
        if (perHost < 1) {
            return -1;
        }
        return (fleet.vms() + perHost - 1) / perHost + fleet.spares();
    }

    /** "n+1" → 1; -1 when the text is not n+K. */
    public static int spares(String failover) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*[nN]\\s*(?:\\+\\s*(\\d{1,6}))?\\s*")
                .matcher(failover);
        return m.matches() ? (m.group(1) == null ? 0 : Integer.parseInt(m.group(1))) : -1;
    }

    /** Licences of {@code edition} a host with {@code vms} guests needs. */
    public static int guestLicences(Edition edition, int vms, int sockets) {
        if (vms <= 0) {
            return 0;
        }
        int perHost = edition.guests() == 0 ? 1 : (vms + edition.guests() - 1) / edition.guests();
        return edition.perSocket() ? perHost * sockets : perHost;
    }

    /** Per-socket licences a host of {@code sockets} needs when one covers {@code socketsPerLicence}. */
    public static int socketLicences(int sockets, int socketsPerLicence) {
        return (sockets + socketsPerLicence - 1) / socketsPerLicence;
    }

    /**
     * The cost per VM per year of {@code vms} VMs on {@code hosts} hosts of {@code architecture} (spread
     * evenly) with guest licences of {@code edition} (null: none).
     */
    public static double perVm(Costs c, String architecture, int hosts, int vms, Edition edition) {
        Licence l = c.licences().getOrDefault(architecture, new Licence(0, 0, 1));
        double perHost = c.hostPrice() + l.perHost() + l.perSocket() * socketLicences(c.sockets(), l.socketsPerLicence());
        double total = hosts * perHost;
        if (edition != null) {
            int q = vms / hosts;
            int r = vms % hosts;
            total += edition.price() * ((long) r * guestLicences(edition, q + 1, c.sockets())
                    + (long) (hosts - r) * guestLicences(edition, q, c.sockets()));
        }
        return total / vms / c.years();
    }

    /** The cheapest edition (or none when the costs list no edition) for one architecture. */
    public static Priced cheapest(Costs c, String architecture, int hosts, int vms) {
        if (c.editions().isEmpty()) {
            return new Priced(perVm(c, architecture, hosts, vms, null), "");
        }
        Priced best = null;
        for (Edition e : c.editions()) {
            double v = perVm(c, architecture, hosts, vms, e);
            if (best == null || v < best.perVmPerYear()) {
                best = new Priced(v, e.name());
            }
        }
        return best;
    }
}
