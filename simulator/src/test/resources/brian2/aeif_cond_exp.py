"""aeif_cond_exp as NEST 3.10 defines it (models/aeif_cond_exp.cpp), in Brian2; the setup is the first argument.

Equations, with V' = min(V, V_peak) in every current (t_ref = 0, NEST's default: no refractory clamp):
  C_m dV/dt = -g_L (V' - E_L) + g_L Delta_T exp((V' - V_th) / Delta_T) - g_ex (V' - E_ex) - g_in (V' - E_in) - w + I_stim + I_e
  tau_w dw/dt = a (V' - E_L) - w
  dg/dt = -g / tau_syn (ex, in)            a spike of weight w: g += |w| (nS)
NEST integrates each step of h adaptively and tests V >= V_peak after every integration step inside it;
here RK4 in substeps of h/N, tested after every substep. A spike resets V to V_reset and adds b to w (the
spike-triggered adaptation this comparison exists for).
The spike's time is the end of its step of h (NEST's convention).
"""
from brian2 import NeuronGroup, mV, ms, nS, pA, pF

from nest_timing import SETUP, current, drive, run_and_print, spike_input

p = SETUP['params']
assert SETUP['model'] == 'aeif_cond_exp', SETUP['model']
assert p['t_ref'] == 0, 't_ref 0 (the default): no refractory clamp modelled here'
equations = '''
dv/dt = (-g_L * (v_eff - E_L) + g_L * Delta_T * exp((v_eff - V_th) / Delta_T)
        - g_ex * (v_eff - E_ex) - g_in * (v_eff - E_in) - w_adapt + I_stim + I_e) / C_m : volt
dw_adapt/dt = (a * (v_eff - E_L) - w_adapt) / tau_w : amp  # NEST's w (the synapses' weight is w here)
dg_ex/dt = -g_ex / tau_syn_ex : siemens
dg_in/dt = -g_in / tau_syn_in : siemens
v_eff = v + int(v > V_peak) * (V_peak - v) : volt  # min(v, V_peak)
I_stim : amp
I_e : amp (constant)
'''
namespace = dict(C_m=p['C_m'] * pF, g_L=p['g_L'] * nS, E_L=p['E_L'] * mV, V_th=p['V_th'] * mV, Delta_T=p['Delta_T'] * mV,
                 V_peak=p['V_peak'] * mV, V_reset=p['V_reset'] * mV, a=p['a'] * nS, b=p['b'] * pA, tau_w=p['tau_w'] * ms,
                 E_ex=p['E_ex'] * mV, E_in=p['E_in'] * mV, tau_syn_ex=p['tau_syn_ex'] * ms,
                 tau_syn_in=p['tau_syn_in'] * ms, stimulus=current(pA))
group = NeuronGroup(len(SETUP['I_e']), equations, method='rk4', threshold='v >= V_peak', reset='v = V_reset; w_adapt += b',
                    namespace=namespace)
group.v = p['E_L'] * mV  # NEST's initial V_m: E_L; w starts at 0
group.I_e = SETUP['I_e'] * pA
drive(group)
run_and_print(group, spike_input(group, 'g_ex_post += w * nS', 'g_in_post -= w * nS'), mV)
