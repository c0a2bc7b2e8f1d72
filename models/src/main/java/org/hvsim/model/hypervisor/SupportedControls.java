package org.hvsim.model.hypervisor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The controls a scheduler honours, declared with its registration in {@link HypervisorSchedulers},
 * so that a control it would ignore can be refused instead of silently dropped. A control may carry
 * the scheduler's own word for it (Xen calls the limit a cap), for messages.
 *
 * @param terms each supported control → the scheduler's word for it ("" when it is the same)
 */
public record SupportedControls(Map<Control, String> terms) {

    /** A scheduler that honours no control (the reference disciplines). */
    public static final SupportedControls NONE = new SupportedControls(Map.of());

    public SupportedControls {
        EnumMap<Control, String> m = new EnumMap<>(Control.class);
        m.putAll(terms);
        terms = Collections.unmodifiableMap(m);
    }

    public static SupportedControls of(Control... controls) {
        Map<Control, String> m = new EnumMap<>(Control.class);
        for (Control c : controls) {
            m.put(c, "");
        }
        return new SupportedControls(m);
    }

    /** The same, with the scheduler's own word for a supported control. */
    public SupportedControls called(Control c, String term) {
        if (!terms.containsKey(c)) {
            throw new IllegalArgumentException(c.key() + " is not supported, it cannot have a name");
        }
        Map<Control, String> m = new EnumMap<>(terms);
        m.put(c, term);
        return new SupportedControls(m);
    }

    public boolean supports(Control c) {
        return terms.containsKey(c);
    }

    public Set<Control> controls() {
        return terms.isEmpty() ? EnumSet.noneOf(Control.class) : EnumSet.copyOf(terms.keySet());
    }

    /** The controls {@code c} asks for that this scheduler would ignore, in declaration order. */
    public List<Control> unsupportedIn(CpuControls c) {
        List<Control> out = new ArrayList<>();
        for (Control k : Control.values()) {
            if (k.requestedBy(c) && !supports(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** The controls that {@code c} would keep under this scheduler; the others at their defaults. */
    public CpuControls keptOf(CpuControls c) {
        return new CpuControls(supports(Control.WEIGHT) ? c.weight() : 0,
                supports(Control.RESERVATION) ? c.reservation() : 0, supports(Control.LIMIT) ? c.limit() : 0);
    }

    /** "it supports weight and limit (cap)", or "it supports none of weight, reservation and limit". */
    public String describe() {
        if (terms.isEmpty()) {
            List<String> all = new ArrayList<>();
            for (Control k : Control.values()) {
                all.add(k.key());
            }
            return "it supports none of " + and(all);
        }
        List<String> names = new ArrayList<>();
        terms.forEach((k, term) -> names.add(term.isEmpty() ? k.key() : k.key() + " (" + term + ")"));
        return "it supports " + and(names);
    }

    private static String and(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
