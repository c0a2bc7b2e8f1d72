package org.hvsim.model.system;

import org.apache.commons.math3.random.RandomGenerator;
import org.hvsim.core.engine.Simulation;
import org.hvsim.core.random.Sampler;
import org.hvsim.core.stats.LatencyRecorder;
import org.hvsim.model.guest.GuestScheduler;
import org.hvsim.model.workload.ArrivalClock;
import org.hvsim.model.workload.Arrivals;

/** One running VM: its guest scheduler, its request classes and the source of its requests. */
final class VmInstance {
    final String name;
    final GuestScheduler guest;
    private final Simulation sim;
    private final java.util.function.Function<String, ClassPlan[]> plansFor;
    /** The open workload's plans (null for a closed one, whose users have their own). */
    private ClassPlan[] plans;
    private final double[] cumulativeWeights;
    private RandomGenerator classChoice;
    private final LatencyRecorder all;
    /** The template's arrivals, completions and requests present, shared by its instances. */
    private final RequestCounts counts;
    /** Where the template's I/O latencies and the control domain's queueing delays go. */
    IoRecorder io;
    /** The scenario's faults on this host, or null without faults. */
    OutageRuntime faults;
    /** Counts the VM's lives: a failure starts a new one, and a request of an earlier life is stale. */
    int life;
    private boolean down;
    /** Requests of this instance sent and neither completed nor lost. */
    private long live;
    /** Stale requests waiting for the VM to come back (retried or delayed). */
    private java.util.List<Request> parked = new java.util.ArrayList<>();
    /** Lost requests of a closed workload's users, who wait for the VM before they think again. */
    private java.util.List<Request> refusedUsers = new java.util.ArrayList<>();
    /** Response times by window of a rate profile, or null. */
    ResponseWindows windows;
    /**
     * Where this VM's arrivals go: in a cluster the copy of the VM on the host that runs it now, among the
     * up replicas of a spread workload one of them; null for this instance itself.
     */
    java.util.function.Supplier<VmInstance> route;
    /** Requests of a life below this were lost when the VM restarted on another host (0: none). */
    private int lostBelow;
    /** A closed workload's users' plans on this copy, drawn when a user's request first comes here. */
    private java.util.Map<String, ClassPlan[]> userPlans;

    /**
     * @param plansFor the class plans drawing from the streams of a source: "" for an open workload's one
     *                 stream of requests, "user3/" for a closed workload's user 3
     */
    VmInstance(String name, GuestScheduler guest, Simulation sim, java.util.function.Function<String, ClassPlan[]> plansFor,
            double[] weights, LatencyRecorder all, RequestCounts counts) {
        this.name = name;
        this.guest = guest;
        this.sim = sim;
        this.plansFor = plansFor;
        this.all = all;
        this.counts = counts;
        this.cumulativeWeights = new double[weights.length];
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i] / total;
            cumulativeWeights[i] = acc;
        }
        if (weights.length > 0) { // a trace has no classes
            cumulativeWeights[weights.length - 1] = 1.0;
        }
    }

    /**
     * Ready to serve requests routed here from another instance's arrivals (a copy on a failover host, a
     * replica of a spread workload) without an arrival process of its own.
     */
    void standby(Arrivals arrivals) {
        if (!(arrivals instanceof Arrivals.Closed)) {
            plans = plansFor.apply("");
            classChoice = sim.random().stream("vm/" + name + "/class");
        }
    }

    /** The instance that takes an arrival now. */
    private VmInstance target() {
        return route == null ? this : route.get();
    }

    /**
     * Instance {@code name} of {@code vm} on a host: its guest scheduler, added to the host's CPU clients,
     * and its request classes planned on the host's devices, recorded in template {@code t}.
     */
    static VmInstance create(Simulation sim, VmSpec vm, String name, org.hvsim.model.hardware.HostSpec host,
            StagePlanner planner, VmTemplate t, java.util.List<org.hvsim.model.hypervisor.CpuClient> clients) {
        GuestScheduler guest = GuestScheduler.create(vm.guestScheduler(), sim, vm.vcpus(), host.speed(),
                vm.quantum());
        clients.add(new org.hvsim.model.hypervisor.CpuClient(name, guest, vm.cpu()));
        java.util.List<org.hvsim.model.workload.RequestClass> classes = vm.workload().classes();
        double[] weights = new double[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            weights[c] = classes.get(c).weight();
        }
        // The open stream draws its demands from one set of streams; each user of a closed
        // workload from its own, so that a user's requests are the same under every architecture.
        java.util.function.Function<String, ClassPlan[]> plansFor = source -> {
            ClassPlan[] plans = new ClassPlan[classes.size()];
            for (int c = 0; c < classes.size(); c++) {
                org.hvsim.model.workload.RequestClass rc = classes.get(c);
                plans[c] = new ClassPlan(rc.name(), planner.stages(sim, name, source, rc, vm.enlightened(), vm.guestScheduler()),
                        t.perClass.get(rc.name()));
            }
            return plans;
        };
        VmInstance instance = new VmInstance(name, guest, sim, plansFor, weights, t.all, t.counts);
        instance.io = t.io;
        return instance;
    }

    /** Starts the arrival process. */
    void start(Arrivals arrivals) {
        if (arrivals instanceof Arrivals.Open open) {
            plans = plansFor.apply("");
            classChoice = sim.random().stream("vm/" + name + "/class");
            Sampler gap = open.interarrival().sampler(sim.random().stream("vm/" + name + "/arrivals"));
            scheduleOpen(gap);
        } else if (arrivals instanceof Arrivals.Varying || arrivals instanceof Arrivals.Mmpp) {
            plans = plansFor.apply("");
            classChoice = sim.random().stream("vm/" + name + "/class");
            clock = ArrivalClock.of(arrivals, sim.random().stream("vm/" + name + "/arrivals"),
                    sim.random().stream("vm/" + name + "/modulation"));
            scheduleAtClock(sim.now());
        } else if (arrivals instanceof Arrivals.Closed closed) {
            for (int u = 0; u < closed.users(); u++) {
                // Streams per user (think time, class, demands) keep each user's sequence identical
                // across architectures, whatever order the users' requests finish in.
                String user = "user" + u + "/";
                Sampler think = closed.think().sampler(sim.random().stream("vm/" + name + "/" + user + "think"));
                new User(think, plansFor.apply(user), sim.random().stream("vm/" + name + "/" + user + "class"), user)
                        .thinkThenSend();
            }
        }
    }

    private Sampler gap;
    /** One event object reused for every arrival: no allocation per arrival beyond DSOL's own. */
    private final nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable arrival = this::arrive;

    private void scheduleOpen(Sampler interarrival) {
        this.gap = interarrival;
        sim.schedule(gap.next(), arrival);
    }

    private void arrive() {
        VmInstance to = target();
        to.send(to.newRequest(to.plans, to.classChoice, null));
        sim.schedule(gap.next(), arrival);
    }

    /** A time-varying or modulated stream: the clock gives absolute instants. */
    private ArrivalClock clock;
    private final nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable clockedArrival = this::clockedArrive;

    private void clockedArrive() {
        VmInstance to = target();
        to.send(to.newRequest(to.plans, to.classChoice, null));
        scheduleAtClock(sim.now());
    }

    private void scheduleAtClock(double now) {
        double at = clock.next(now);
        if (at < sim.endTime()) {
            sim.scheduleAt(at, clockedArrival);
        }
    }

    /**
     * One user of a closed workload: it is both the event that sends its next request and the callback
     * its request completes with, so a request cycle allocates no closures.
     */
    private final class User implements nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable, Runnable {
        private final Sampler think;
        private final ClassPlan[] userPlans;
        private final RandomGenerator userClassChoice;
        /** "user3/": the streams of its requests' demands, on whichever copy of the VM serves it. */
        private final String key;

        User(Sampler think, ClassPlan[] plans, RandomGenerator classChoice, String key) {
            this.think = think;
            this.userPlans = plans;
            this.userClassChoice = classChoice;
            this.key = key;
        }

        void thinkThenSend() {
            sim.schedule(think.next(), this);
        }

        @Override
        public void execute() {
            VmInstance to = target();
            to.send(to.newRequest(to == VmInstance.this ? userPlans : to.plansOf(key), userClassChoice, this));
        }

        @Override
        public void run() {
            thinkThenSend();
        }
    }

    private ClassPlan[] plansOf(String user) {
        if (userPlans == null) {
            userPlans = new java.util.HashMap<>();
        }
        return userPlans.computeIfAbsent(user, plansFor);
    }

    private Request newRequest(ClassPlan[] plans, RandomGenerator classChoice, Runnable onComplete) {
        counts.arrive();
        if (windows != null) {
            windows.arrive(sim.now());
        }
        ClassPlan plan = plans[0];
        if (plans.length > 1) {
            double u = classChoice.nextDouble();
            int i = 0;
            while (u >= cumulativeWeights[i] && i < plans.length - 1) {
                i++;
            }
            plan = plans[i];
        }
        return new Request(this, plan, sim.now(), onComplete);
    }

    /** A request is drawn (its demands too, so the streams stay in step) even when the VM is down. */
    private void send(Request r) {
        if (down) {
            counts.lose(1);
            if (r.closedLoop()) {
                // the user waits for the VM instead of retrying at once (a zero think time would never end)
                refusedUsers.add(r);
            }
            return;
        }
        live++;
        r.start();
    }

    /** The VM goes down: its requests are lost now, or wait for it (docs/method.md, faults). */
    void fail() {
        down = true;
        life++;
        if (faults.inFlight() == org.hvsim.model.fault.InFlight.LOST) {
            counts.lose(live);
            live = 0;
        }
    }

    boolean isDown() {
        return down;
    }

    /**
     * The VM restarts elsewhere (its host failed): what this copy held is lost whatever {@code in_flight}
     * says, as the host's memory is; users refused while it was down wait for {@code next} instead.
     */
    void leaveFor(VmInstance next) {
        life++;
        lostBelow = life;
        counts.lose(live);
        live = 0;
        java.util.List<Request> waiting = parked;
        parked = new java.util.ArrayList<>();
        waiting.forEach(Request::abandon);
        next.refusedUsers.addAll(refusedUsers);
        refusedUsers = new java.util.ArrayList<>();
    }

    /** The VM is up again: its waiting requests go on, or start again. */
    void recover() {
        down = false;
        java.util.List<Request> waiting = parked;
        parked = new java.util.ArrayList<>();
        for (Request r : waiting) {
            revive(r);
            r.dispatch();
        }
        java.util.List<Request> users = refusedUsers;
        refusedUsers = new java.util.ArrayList<>();
        users.forEach(Request::abandon);
    }

    /** A stale request joins the VM's present life: from where it was, or from the start for a retry. */
    private void revive(Request r) {
        r.life = life;
        if (faults.inFlight() == org.hvsim.model.fault.InFlight.RETRIED) {
            r.restart();
        }
    }

    /**
     * A request of an earlier life finished a stage. True if it stops here: a lost one for good (the
     * stage in progress at the failure ran out), a retried or delayed one until the VM is back.
     */
    boolean stopsStale(Request r) {
        if (faults.inFlight() == org.hvsim.model.fault.InFlight.LOST || r.life < lostBelow) {
            r.abandon();
            return true;
        }
        if (down) {
            parked.add(r);
            return true;
        }
        revive(r);
        return false;
    }

    /** True if the control domain is out and holds the request's I/O until it returns. */
    boolean heldForControl(Request r) {
        return faults != null && faults.holds(r);
    }

    /** A traced request with its own stages arrives now. */
    void sendTraced(Stage[] stages) {
        counts.arrive();
        send(new Request(this, new ClassPlan("trace", stages, all), sim.now(), null));
    }

    double now() {
        return sim.now();
    }

    /** One I/O operation took {@code seconds} from the start of its path to the end of its device service. */
    void ioDone(double seconds) {
        io.io.add(seconds);
    }

    /** A control-domain stage of {@code work} reference seconds took {@code sojourn} seconds there. */
    void controlStageDone(double sojourn, double work) {
        io.controlDelay.add(Math.max(0, sojourn - work / io.speed));
    }

    void completed(Request r) {
        double rt = sim.now() - r.arrival;
        all.record(rt);
        counts.complete();
        live--;
        if (windows != null) {
            windows.completed(r.arrival, rt);
        }
        if (cumulativeWeights.length > 1) {
            r.plan.recorder.record(rt); // per-class figures are reported only for several classes
        }
    }
}
