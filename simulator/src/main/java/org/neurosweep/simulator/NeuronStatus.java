package org.neurosweep.simulator;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.devices.Device;

/**
 * GetStatus and SetStatus of nodes for the kernel: a node's values (a neuron's, with its VP's tau_minus; a
 * device's status). SetStatus for neurons: state variables are set per neuron; changed parameters slice a
 * population into runs of neurons that share parameters (see {@link Population#slice}). Every value is
 * checked before anything changes.
 */
final class NeuronStatus {
    private NeuronStatus() {
    }

    /** Kernel.get: a neuron's recordable, state variable or parameter, or a device's number, by NEST name. */
    static double get(int node, String name, Device device, Resolution resolution, VirtualProcess[] vps,
                      int[] vpOf, Population[] populationOf, int[] localOf) {
        Population p = populationOf[node];
        if (p == null) {
            Map<String, Object> status = device.status(resolution);
            if (status.get(name) instanceof Number n) {
                return n.doubleValue();
            }
            throw new UnknownNameException("node " + node + " is a " + device.model() + "; it has no number '" + name
                    + "'; its status: " + status.keySet());
        }
        if (name.equals(TAU_MINUS)) {
            return vps[vpOf[node]].tauMinus[localOf[node]];
        }
        return p.get(name, localOf[node] - p.firstLocal);
    }

    /** Kernel.status: a neuron's model, id, VP, parameters and state (and tau_minus), or a device's status. */
    static Map<String, Object> status(int node, Device device, Resolution resolution, VirtualProcess[] vps,
                                      int[] vpOf, Population[] populationOf, int[] localOf) {
        Population p = populationOf[node];
        if (p == null) {
            return device.status(resolution);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", p.model);
        m.put("global_id", node);
        m.put("vp", vpOf[node]);
        m.putAll(p.status(localOf[node] - p.firstLocal));
        m.put(TAU_MINUS, vps[vpOf[node]].tauMinus[localOf[node]]);
        return m;
    }

    /** Sets neuron {@code ids[k]} from {@code changes.get(k)}. */
    static void set(int[] ids, List<? extends Map<String, ?>> changes, VirtualProcess[] vps, int[] vpOf,
                    Population[] populationOf, int[] localOf) {
        int n = ids.length;
        Object[] newParams = new Object[n];
        // check everything first
        for (int k = 0; k < n; k++) {
            Population p = populationOf[ids[k]];
            Map<String, Object> params = new LinkedHashMap<>();
            for (Map.Entry<String, ?> e : changes.get(k).entrySet()) {
                if (e.getKey().equals(TAU_MINUS)) {
                    checkTauMinus(p.model, e.getValue());
                } else if (p.stateNames().contains(e.getKey())) {
                    checkState(p, e.getKey(), e.getValue());
                } else {
                    params.put(e.getKey(), e.getValue());
                }
            }
            newParams[k] = params.isEmpty() ? p.parameters() : p.withParameters(params);
        }
        // state; neurons of other processes are set there (NEST's SetStatus changes local nodes only)
        for (int k = 0; k < n; k++) {
            if (localOf[ids[k]] < 0) {
                continue;
            }
            Population p = populationOf[ids[k]];
            for (Map.Entry<String, ?> e : changes.get(k).entrySet()) {
                if (e.getKey().equals(TAU_MINUS)) {
                    vps[vpOf[ids[k]]].tauMinus[localOf[ids[k]]] = ((Number) e.getValue()).doubleValue();
                } else if (p.stateNames().contains(e.getKey())) {
                    p.setState(e.getKey(), localOf[ids[k]] - p.firstLocal, ((Number) e.getValue()).doubleValue());
                }
            }
        }
        // parameters, population by population
        Map<Population, Object[]> byPopulation = new IdentityHashMap<>();
        Map<Population, VirtualProcess> home = new IdentityHashMap<>();
        for (int k = 0; k < n; k++) {
            Population p = populationOf[ids[k]];
            if (localOf[ids[k]] >= 0 && !newParams[k].equals(p.parameters())) {
                Object[] each = byPopulation.computeIfAbsent(p, q -> {
                    Object[] a = new Object[q.size()];
                    java.util.Arrays.fill(a, q.parameters());
                    return a;
                });
                each[localOf[ids[k]] - p.firstLocal] = newParams[k];
                home.put(p, vps[vpOf[ids[k]]]);
            }
        }
        for (Map.Entry<Population, Object[]> e : byPopulation.entrySet()) {
            resplit(e.getKey(), e.getValue(), home.get(e.getKey()), populationOf);
        }
    }

    /** The decay time constant (ms) of a neuron's trace for STDP, as NEST keeps it on every neuron. */
    static final String TAU_MINUS = "tau_minus";

    /** Create's parameters without tau_minus (checked), which the model does not know: it is the kernel's. */
    static Map<String, ?> withoutTauMinus(String model, Map<String, ?> params) {
        if (params == null || !params.containsKey(TAU_MINUS)) {
            return params;
        }
        checkTauMinus(model, params.get(TAU_MINUS));
        Map<String, Object> rest = new java.util.HashMap<>(params);
        rest.remove(TAU_MINUS);
        return rest;
    }

    /** Sets tau_minus of neurons first..last if create gave it. */
    static void setTauMinus(Map<String, ?> params, int first, int last, VirtualProcess[] vps, int[] vpOf, int[] localOf) {
        if (params != null && params.get(TAU_MINUS) instanceof Number tau) {
            for (int id = first; id <= last; id++) {
                if (localOf[id] >= 0) {
                    vps[vpOf[id]].tauMinus[localOf[id]] = tau.doubleValue();
                }
            }
        }
    }

    static void checkTauMinus(String model, Object value) {
        if (!(value instanceof Number v) || !(v.doubleValue() > 0) || !Double.isFinite(v.doubleValue())) {
            throw new BadParameterException(model + ": tau_minus = " + value + " ms must be a positive number");
        }
    }

    private static void checkState(Population p, String name, Object value) {
        if (!(value instanceof Number v) || !Double.isFinite(v.doubleValue())) {
            throw new BadParameterException(p.model + ": " + name + " = " + value + " must be a finite number");
        }
    }

    /** Replaces p on its VP by runs of consecutive neurons with equal parameters. */
    private static void resplit(Population p, Object[] params, VirtualProcess vp, Population[] populationOf) {
        List<Population> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= params.length; i++) {
            if (i == params.length || !params[i].equals(params[start])) {
                runs.add(p.slice(start, i, params[start]));
                start = i;
            }
        }
        int at = indexOf(vp.populations, p);
        vp.populations.remove(at);
        vp.populations.addAll(at, runs);
        for (Population r : runs) {
            for (int id : r.ids) {
                populationOf[id] = r;
            }
        }
    }

    private static int indexOf(List<Population> list, Population p) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == p) {
                return i;
            }
        }
        throw new IllegalStateException("population of " + p.model + " not on its VP");
    }
}
