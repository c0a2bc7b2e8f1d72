package org.hvsim.scenario.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObjectReaderTest {

    private static final double ANY = Double.POSITIVE_INFINITY;

    private final Problems problems = new Problems();

    private ObjectReader read(String text) {
        Node root = YamlTree.parse("s.yaml", text, problems).orElseThrow();
        return ObjectReader.of(root, problems, "", null);
    }

    private List<String> messages() {
        return problems.list().stream().map(Problem::toString).toList();
    }

    @Test
    void misspeltKeyInANestedListItemIsPinpointedWithASuggestion() {
        ObjectReader r = read("""
                name: web-consolidation
                vms:
                  - name: web
                    vcpus: 2
                  - name: db
                    vpcus: 4
                """);
        r.string("name", null);
        for (ObjectReader vm : r.objects("vms")) {
            vm.string("name", null);
            vm.longInteger("vcpus", 1, 1, 64);
            vm.finish();
        }
        r.finish();
        assertEquals(List.of("s.yaml:6:5: unknown key 'vpcus' in vms[1] — did you mean 'vcpus'?"), messages());
    }

    @Test
    void everyMistakeInAFileIsReportedAtOnceInDocumentOrder() {
        // Read in an order unlike the file's, to check that problems come back sorted.
        ObjectReader r = read("""
                name: demo
                warmup: 10
                host:
                  cpus: 0
                  memory: 4 GB
                vms:
                  - name: web
                    count: eight
                """);
        for (ObjectReader vm : r.objects("vms")) {
            vm.string("name", null);
            vm.longInteger("count", 1, 1, 10_000);
            vm.finish();
        }
        ObjectReader host = r.object("host");
        host.longInteger("cpus", 1, 1, 1024);
        host.quantity("memory", Quantity.SIZE, 0, 0, ANY);
        host.finish();
        r.string("name", null);
        r.quantity("warmup", Quantity.DURATION, 0, 0, ANY);
        r.finish();
        assertEquals(List.of(
                "s.yaml:2:9: warmup: expected a duration with a unit such as '10 ms' or '5 min', found '10'",
                "s.yaml:4:9: host.cpus must be between 1 and 1024, found 0",
                "s.yaml:8:12: vms[0].count: expected a whole number, found 'eight'"), messages());
        ScenarioException e = assertThrows(ScenarioException.class, problems::throwIfAny);
        assertEquals(String.join("\n", messages()), e.getMessage());
    }

    @Test
    void parseAndSchemaProblemsAreReportedTogether() {
        ObjectReader r = read("seed: 1\nseed: 2\nname: x\ncolour: red\n");
        r.longInteger("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        r.string("name", null);
        r.finish();
        assertEquals(2, problems.size(), messages().toString());
        assertTrue(problems.list().get(0).message().startsWith("duplicate key 'seed'"));
        assertTrue(problems.list().get(1).message().startsWith("unknown key 'colour' at the top level"));
    }

    @Test
    void typedGettersReturnValuesInSiUnits() {
        ObjectReader r = read("""
                name: web
                cpus: 8
                seed: 12345678901234
                speed: 1.5e0
                enlightened: false
                warmup: 5 min
                memory: 4 GB
                bandwidth: 1 Gbit/s
                rate: 2400 /min
                share: 25 %
                clock: 2.4 GHz
                offset: -3 s
                guest_scheduler: fcfs
                """);
        assertEquals("web", r.string("name", null));
        assertEquals(8, r.longInteger("cpus", 1, 1, 1024));
        assertEquals(12_345_678_901_234L, r.longInteger("seed", 0, 0, Long.MAX_VALUE));
        assertEquals(1.5, r.decimal("speed", 1, 0.01, 100));
        assertFalse(r.bool("enlightened", true));
        assertEquals(300.0, r.quantity("warmup", Quantity.DURATION, 0, 0, ANY));
        assertEquals(4.0 * 1024 * 1024 * 1024, r.quantity("memory", Quantity.SIZE, 0, 0, ANY));
        assertEquals(125_000_000.0, r.quantity("bandwidth", Quantity.BANDWIDTH, 0, 0, ANY));
        assertEquals(40.0, r.quantity("rate", Quantity.RATE, 0, 0, ANY));
        assertEquals(0.25, r.quantity("share", Quantity.FRACTION, 1, 0, 1));
        assertEquals(2.4e9, r.quantity("clock", Quantity.FREQUENCY, 0, 0, ANY));
        assertEquals(-3.0, r.quantity("offset", Quantity.DURATION, 0, -10, 10));
        assertEquals("fcfs", r.oneOf("guest_scheduler", "ps", List.of("ps", "fcfs", "rr")));
        // Absent keys give the defaults without complaint.
        assertEquals(7, r.longInteger("absent", 7, 1, 10));
        assertEquals(0.5, r.quantity("absent2", Quantity.DURATION, 0.5, 0, ANY));
        assertEquals("ps", r.oneOf("absent3", "ps", List.of("ps", "fcfs")));
        r.finish();
        assertFalse(problems.hasAny(), messages().toString());
    }

    @Test
    void wrongValuesGiveTheDefaultAndAProblemAtTheValue() {
        ObjectReader r = read("""
                cpus: 2.5
                big: 99999999999999999999999
                enlightened: yes
                speed: fast
                offset: -3 s
                share: 50
                name: [a, b]
                memory:
                guest_scheduler: fifo
                """);
        assertEquals(1, r.longInteger("cpus", 1, 1, 1024));
        assertEquals(3, r.longInteger("big", 3, 1, 1024));
        assertTrue(r.bool("enlightened", true));
        assertEquals(1.0, r.decimal("speed", 1.0, 0.01, 100));
        assertEquals(0.0, r.quantity("offset", Quantity.DURATION, 0, 0, ANY));
        assertEquals(1.0, r.quantity("share", Quantity.FRACTION, 1, 0, 1));
        assertEquals("", r.string("name", null));
        assertEquals(0.0, r.quantity("memory", Quantity.SIZE, 0, 0, ANY));
        assertEquals("ps", r.oneOf("guest_scheduler", "ps", List.of("ps", "fcfs", "rr")));
        r.finish();
        assertEquals(List.of(
                "s.yaml:1:7: cpus: expected a whole number, found '2.5'",
                "s.yaml:2:6: big must be between 1 and 1024, found 99999999999999999999999",
                "s.yaml:3:14: enlightened: expected true or false, found 'yes'",
                "s.yaml:4:8: speed: expected a number, found 'fast'",
                "s.yaml:5:9: offset: duration must not be negative, found '-3 s'",
                "s.yaml:6:8: share must be between 0 % and 100 %, found '50' (write '50 %' for a percentage)",
                "s.yaml:7:7: name: expected text, found a list",
                "s.yaml:8:8: memory: expected a size, found nothing",
                "s.yaml:9:18: guest_scheduler: expected one of ps, fcfs, rr, found 'fifo' — did you mean 'fcfs'?"),
                messages());
    }

    @Test
    void requiredKeysAreReportedAtTheMapping() {
        ObjectReader r = read("host:\n  cpus: 8\n");
        ObjectReader host = r.object("host");
        host.require("cpus", "memory");
        host.longInteger("cpus", 1, 1, 1024);
        host.finish();
        r.string("name", null);
        r.object("sla").quantity("max", Quantity.DURATION, 0, 0, ANY);
        r.list("vms");
        r.finish();
        assertEquals(List.of(
                "s.yaml:1:1: missing required key 'name' at the top level (expected text)",
                "s.yaml:1:1: missing required key 'sla' at the top level (expected a mapping)",
                "s.yaml:1:1: missing required key 'vms' at the top level (expected a list)",
                "s.yaml:2:3: missing required key 'memory' in host"), messages());
    }

    @Test
    void unknownKeysWithoutANearMatchListTheKnownOnes() {
        ObjectReader r = read("name: x\nzzzzzz: 1\n");
        r.string("name", null);
        r.has("seed");
        r.finish();
        r.finish(); // a second call does not repeat the report
        assertEquals(List.of("s.yaml:2:1: unknown key 'zzzzzz' at the top level (known keys here: name, seed)"),
                messages());
    }

    @Test
    void aValueThatIsNotAMappingIsOneProblemNotACascade() {
        ObjectReader r = read("host: big\nvms: [ 3, { name: a } ]\n");
        ObjectReader host = r.object("host");
        assertEquals(8, host.longInteger("cpus", 8, 1, 1024));
        host.string("name", null);
        host.object("nested").string("x", null);
        host.finish();
        List<ObjectReader> vms = r.objects("vms");
        assertEquals(2, vms.size());
        vms.forEach(vm -> {
            vm.string("name", null);
            vm.finish();
        });
        r.finish();
        assertEquals(List.of(
                "s.yaml:1:7: host: expected a mapping ('key: value' lines or { key: value }), found 'big'",
                "s.yaml:2:8: vms[0]: expected a mapping ('key: value' lines or { key: value }), found '3'"),
                messages());
    }

    @Test
    void aSingleValueIsAcceptedWhereAListIsExpected() {
        ObjectReader r = read("architectures: native\nnics: [a, b]\n");
        assertEquals(1, r.list("architectures").size());
        assertEquals(2, r.list("nics").size());
        assertEquals(List.of(), r.optionalList("disks"));
        r.finish();
        assertFalse(problems.hasAny(), messages().toString());
    }

    @Test
    void exactlyOneOfAlternatives() {
        ObjectReader open = read("open: { rate: 40 /s }\n");
        assertEquals(Optional.of("open"), open.exactlyOne("open", "closed"));
        open.finish();
        assertFalse(problems.hasAny());

        ObjectReader both = read("open: {}\nclosed: {}\n");
        assertEquals(Optional.of("open"), both.exactlyOne("open", "closed"));
        ObjectReader neither = read("x: 1\n");
        assertEquals(Optional.empty(), neither.exactlyOne("open", "closed"));
        assertEquals(List.of(
                "s.yaml:1:1: expected one of 'open' or 'closed', found none of them",
                "s.yaml:2:1: 'open' and 'closed' cannot both be given; choose one"), messages());
    }

    @Test
    void variantsNameTheirKindWithOneKey() {
        MapNode root = (MapNode) YamlTree.parse("s.yaml", """
                service: { exponential: { mean: 5 ms } }
                think: { exponental: { mean: 1 s } }
                other: { a: 1, b: 2 }
                plain: exponential
                """, problems).orElseThrow();
        List<String> kinds = List.of("exponential", "constant");
        Variant service = variant(root, "service", kinds).orElseThrow();
        assertEquals("exponential", service.kind());
        assertEquals(new SourceLocation("s.yaml", 1, 12), service.location());
        ObjectReader settings = ObjectReader.of(service.settings(), problems, "service.exponential", null);
        assertEquals(0.005, settings.quantity("mean", Quantity.DURATION, 0, 0, ANY));
        settings.finish();

        assertTrue(variant(root, "think", kinds).isEmpty());
        assertTrue(variant(root, "other", kinds).isEmpty());
        assertTrue(variant(root, "plain", kinds).isEmpty());
        assertEquals(List.of(
                "s.yaml:2:10: think: unknown distribution 'exponental' — did you mean 'exponential'? "
                        + "(expected one of 'exponential' or 'constant')",
                "s.yaml:3:8: other: expected a distribution; found 2 keys",
                "s.yaml:4:8: plain: expected a distribution; found 'exponential'"), messages());
    }

    private Optional<Variant> variant(MapNode root, String key, List<String> kinds) {
        return Variant.of(root.get(key).orElseThrow(), problems, key, "distribution", kinds, "a distribution");
    }

    @Test
    void keysOfAMapCanBeListedForVariantShapes() {
        ObjectReader r = read("scheduler: { xen-credit: { slice: 30 ms } }\n");
        ObjectReader scheduler = r.object("scheduler");
        assertEquals(List.of("xen-credit"), scheduler.map().keys());
        assertTrue(scheduler.has("xen-credit"));
        assertEquals(new SourceLocation("s.yaml", 1, 26), scheduler.locationOf("xen-credit"));
        scheduler.report("xen-credit", "not available for the hosted architecture");
        assertEquals(List.of("s.yaml:1:26: not available for the hosted architecture"), messages());
    }
}
