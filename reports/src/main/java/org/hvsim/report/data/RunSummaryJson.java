package org.hvsim.report.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hvsim.core.result.RunSummary;
import org.hvsim.core.result.Sla;

/**
 * The {@code run} object of results.json: what was simulated, typed, in the engine's units (seconds,
 * bytes, bytes per second, requests per second), written and read back exactly, so that
 * {@code hvsim merge} can rebuild a sharded sweep's report.
 */
final class RunSummaryJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RunSummaryJson() {
    }

    static ObjectNode write(RunSummary run) {
        ObjectNode node = NODES.objectNode();
        run.host().ifPresent(h -> {
            ObjectNode host = node.putObject("host");
            host.put("cpus", h.cpus());
            host.put("speed", h.speed());
            host.put("memory_bytes", h.memory());
            ArrayNode disks = host.putArray("disks");
            h.disks().forEach(d -> disks.addObject().put("name", d.name()).put("channels", d.channels()));
            ArrayNode nics = host.putArray("nics");
            h.nics().forEach(n -> nics.addObject().put("name", n.name()).put("bandwidth_bytes_per_s", n.bandwidth()));
        });
        ArrayNode vms = node.putArray("vms");
        for (RunSummary.Vm vm : run.vms()) {
            ObjectNode v = vms.addObject().put("name", vm.name()).put("count", vm.count()).put("vcpus", vm.vcpus())
                    .put("memory_bytes", vm.memory());
            if (vm.workload() instanceof RunSummary.OpenWorkload open) {
                v.putObject("open").put("poisson", open.poisson()).put("rate_per_s", open.rate());
            } else if (vm.workload() instanceof RunSummary.ClosedWorkload closed) {
                v.putObject("closed").put("users", closed.users()).put("think_s", closed.think());
            }
        }
        node.put("replications", run.replications());
        node.set("warmup_s", JsonTrees.number(run.warmup()));
        node.set("duration_s", JsonTrees.number(run.duration()));
        ArrayNode slas = node.putArray("slas");
        run.slas().forEach(s -> slas.addObject().put("metric", s.metric()).put("scope", s.scope()).put("max", s.max()));
        ArrayNode sweep = node.putArray("sweep");
        for (RunSummary.SweptParameter p : run.sweep()) {
            ArrayNode values = sweep.addObject().put("name", p.name()).putArray("values");
            p.values().forEach(values::add);
        }
        run.shard().ifPresent(s -> node.putObject("shard").put("index", s.index()).put("count", s.count()));
        ObjectNode families = node.putObject("families");
        run.families().forEach(families::put);
        ArrayNode unpublished = node.putArray("unpublished_defaults");
        run.unpublishedDefaults().forEach(unpublished::add);
        return node;
    }

    static RunSummary read(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return RunSummary.NONE;
        }
        Optional<RunSummary.Host> host = Optional.empty();
        JsonNode h = node.path("host");
        if (h.isObject()) {
            List<RunSummary.Disk> disks = new ArrayList<>();
            h.path("disks").forEach(d -> disks.add(new RunSummary.Disk(d.path("name").asText(),
                    d.path("channels").asInt())));
            List<RunSummary.Nic> nics = new ArrayList<>();
            h.path("nics").forEach(n -> nics.add(new RunSummary.Nic(n.path("name").asText(),
                    n.path("bandwidth_bytes_per_s").asDouble())));
            host = Optional.of(new RunSummary.Host(h.path("cpus").asInt(), h.path("speed").asDouble(),
                    h.path("memory_bytes").asDouble(), disks, nics));
        }
        List<RunSummary.Vm> vms = new ArrayList<>();
        for (JsonNode v : node.path("vms")) {
            RunSummary.Workload w = v.has("open")
                    ? new RunSummary.OpenWorkload(v.path("open").path("poisson").asBoolean(),
                            v.path("open").path("rate_per_s").asDouble())
                    : new RunSummary.ClosedWorkload(v.path("closed").path("users").asInt(),
                            v.path("closed").path("think_s").asDouble());
            vms.add(new RunSummary.Vm(v.path("name").asText(), v.path("count").asInt(), v.path("vcpus").asInt(),
                    v.path("memory_bytes").asDouble(), w));
        }
        List<Sla> slas = new ArrayList<>();
        node.path("slas").forEach(s -> slas.add(new Sla(s.path("metric").asText(), s.path("scope").asText(),
                s.path("max").asDouble())));
        List<RunSummary.SweptParameter> sweep = new ArrayList<>();
        for (JsonNode p : node.path("sweep")) {
            List<String> values = new ArrayList<>();
            p.path("values").forEach(x -> values.add(x.asText()));
            sweep.add(new RunSummary.SweptParameter(p.path("name").asText(), values));
        }
        JsonNode s = node.path("shard");
        Optional<RunSummary.Shard> shard = s.isObject()
                ? Optional.of(new RunSummary.Shard(s.path("index").asInt(), s.path("count").asInt()))
                : Optional.empty();
        Map<String, String> families = new LinkedHashMap<>();
        node.path("families").fields().forEachRemaining(e -> families.put(e.getKey(), e.getValue().asText()));
        List<String> unpublished = new ArrayList<>();
        node.path("unpublished_defaults").forEach(u -> unpublished.add(u.asText()));
        return new RunSummary(host, vms, node.path("replications").asInt(), JsonResultReader.number(node.get("warmup_s")),
                JsonResultReader.number(node.get("duration_s")), slas, sweep, shard, families, unpublished);
    }
}
