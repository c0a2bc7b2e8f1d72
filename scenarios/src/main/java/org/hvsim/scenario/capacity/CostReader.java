package org.hvsim.scenario.capacity;

import static org.hvsim.scenario.schema.ScenarioSchema.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hvsim.scenario.schema.SectionReader;

/** Reads the {@code fleet} and {@code costs} sections (for {@code hvsim capacity}). */
final class CostReader {

    private CostReader() {
    }

    static Optional<CostModel.Fleet> fleet(SectionReader top, Map<String, Object> resolved) {
        return top.optionalObject(FLEET_KEY).flatMap(r -> readFleet(r, resolved));
    }

    private static Optional<CostModel.Fleet> readFleet(SectionReader r, Map<String, Object> resolved) {
        int vms = r.integer(FLEET_VMS);
        String failover = r.text(FLEET_FAILOVER);
        r.finish();
        int spares = CostModel.spares(failover);
        if (spares < 0) {
            r.report(FLEET_FAILOVER, r.pathOf(FLEET_FAILOVER) + ": expected n+K such as n+1, found '" + failover + "'");
            return Optional.empty();
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("vms", vms);
        tree.put("failover", "n+" + spares);
        resolved.put("fleet", tree);
        return vms >= 1 ? Optional.of(new CostModel.Fleet(vms, spares)) : Optional.empty();
    }

    static Optional<CostModel.Costs> costs(SectionReader top, List<String> architectures, Map<String, Object> resolved) {
        return top.optionalObject(COSTS_KEY).flatMap(r -> readCosts(r, architectures, resolved));
    }

    private static Optional<CostModel.Costs> readCosts(SectionReader r, List<String> architectures,
            Map<String, Object> resolved) {
        String currency = r.text(COST_CURRENCY);
        double years = r.decimal(COST_YEARS);
        double price = r.decimal(COST_HOST_PRICE);
        int sockets = r.integer(COST_SOCKETS);
        Map<String, CostModel.Licence> licences = new LinkedHashMap<>();
        List<Object> licenceTrees = new ArrayList<>();
        for (SectionReader l : r.objects(COST_LICENCES)) {
            String arch = l.text(LICENCE_ARCHITECTURE);
            CostModel.Licence licence = new CostModel.Licence(l.decimal(LICENCE_PER_HOST), l.decimal(LICENCE_PER_SOCKET),
                    l.integer(LICENCE_SOCKETS));
            l.finish();
            if (!arch.isEmpty() && !architectures.contains(arch)) {
                l.report(LICENCE_ARCHITECTURE, l.pathOf(LICENCE_ARCHITECTURE) + ": no architecture '" + arch
                        + "' in the scenario (" + String.join(", ", architectures) + ")");
            } else if (licences.put(arch, licence) != null) {
                l.report(LICENCE_ARCHITECTURE, l.pathOf(LICENCE_ARCHITECTURE) + ": '" + arch + "' is listed twice");
            }
            Map<String, Object> lt = new LinkedHashMap<>(); // in this order (Map.of's changes between runs)
            lt.put("architecture", arch);
            lt.put("per_host", licence.perHost());
            lt.put("per_socket", licence.perSocket());
            lt.put("sockets_per_licence", licence.socketsPerLicence());
            licenceTrees.add(lt);
        }
        List<CostModel.Edition> editions = new ArrayList<>();
        List<Object> editionTrees = new ArrayList<>();
        for (SectionReader e : r.objects(COST_EDITIONS)) {
            String name = e.text(EDITION_NAME);
            double p = e.decimal(EDITION_PRICE);
            int guests = e.has(EDITION_GUESTS) ? e.integer(EDITION_GUESTS) : 0;
            boolean perSocket = e.bool(EDITION_PER_SOCKET);
            e.finish();
            editions.add(new CostModel.Edition(name, p, guests, perSocket));
            Map<String, Object> et = new LinkedHashMap<>();
            et.put("name", name);
            et.put("price", p);
            et.put("guests", guests == 0 ? "unlimited" : guests);
            et.put("per_socket", perSocket);
            editionTrees.add(et);
        }
        r.finish();
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("currency", currency);
        tree.put("years", years);
        tree.put("host_price", price);
        tree.put("sockets", sockets);
        tree.put("licences", licenceTrees);
        tree.put("editions", editionTrees);
        resolved.put("costs", tree);
        return Optional.of(new CostModel.Costs(currency, years, price, sockets, licences, editions));
    }
}
