package org.hvsim.report.metric;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;

/**
 * Classifies scope names as docs/metrics.md defines them: {@code host}, a VM name, {@code VM/class}, or {@code VM@window}.
 */
public final class Scopes {

    /** The scope of host-wide figures. */
    public static final String HOST = "host";

    private Scopes() {
    }

    /** True for a VM scope: neither the host nor a {@code VM/class} nor a {@code VM@window}. */
    public static boolean isVm(String scope) {
        return !HOST.equals(scope) && scope.indexOf('/') < 0 && !isWindow(scope);
    }

    /** True for a window of a VM's rate profile, {@code VM@09:00-10:00}. */
    public static boolean isWindow(String scope) {
        return scope.indexOf('@') >= 0;
    }

    /** VM scopes that have {@code metric}, in order of first appearance among the figures. */
    public static List<String> vmScopesWith(ExperimentResult result, String metric) {
        Set<String> scopes = new LinkedHashSet<>();
        for (Figure f : result.figures()) {
            if (f.metric().equals(metric) && isVm(f.scope())) {
                scopes.add(f.scope());
            }
        }
        return new ArrayList<>(scopes);
    }

    /** All VM scopes, in order of first appearance among the figures. */
    public static List<String> vmScopes(ExperimentResult result) {
        Set<String> scopes = new LinkedHashSet<>();
        for (Figure f : result.figures()) {
            if (isVm(f.scope())) {
                scopes.add(f.scope());
            }
        }
        return new ArrayList<>(scopes);
    }
}
