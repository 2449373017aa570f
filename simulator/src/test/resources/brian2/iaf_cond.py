"""iaf_cond_exp and iaf_cond_alpha as NEST 3.10 defines them (NEST 3.10 models/iaf_cond_exp.cpp, iaf_cond_alpha.cpp), in Brian2.

The model is the setup's "model"; the setup is the first argument (nest_timing.py). Equations, with
V' = min(V, V_th) in every current (NEST's guard against the exponential-free model running away inside
a step):
  C_m dV/dt = -g_L (V' - E_L) - g_ex (V' - E_ex) - g_in (V' - E_in) + I_stim + I_e
  exp:   dg/dt = -g / tau                      a spike of weight w: g += |w|
  alpha: dx/dt = -x / tau, dg/dt = x - g / tau   a spike of weight w: x += |w| e / tau (g peaks at |w|)
with w > 0 excitatory, w < 0 inhibitory (as -w). Integrated by RK4 in substeps of h/N; the threshold
V >= V_th is tested at the end of each step of h; a spike resets V to V_reset and holds it there (dV/dt = 0)
for the next ceil(t_ref / h) steps, in which there is no threshold test.
"""
from brian2 import NeuronGroup, mV, ms, nS, pA, pF

from nest_timing import END_OF_STEP, SETUP, current, drive, refractory, run_and_print, spike_input

p = SETUP['params']
alpha = SETUP['model'] == 'iaf_cond_alpha'
assert alpha or SETUP['model'] == 'iaf_cond_exp', SETUP['model']
membrane = '''
dv/dt = (-g_L * (v_eff - E_L) - g_ex * (v_eff - E_ex) - g_in * (v_eff - E_in) + I_stim + I_e) / C_m : volt (unless refractory)
v_eff = v + int(v > V_th) * (V_th - v) : volt  # min(v, V_th), exactly v below V_th
I_stim : amp
I_e : amp (constant)
'''
if alpha:
    synapses = '''
dx_ex/dt = -x_ex / tau_syn_ex : siemens / second
dg_ex/dt = x_ex - g_ex / tau_syn_ex : siemens
dx_in/dt = -x_in / tau_syn_in : siemens / second
dg_in/dt = x_in - g_in / tau_syn_in : siemens
'''
    on_excitatory, on_inhibitory = 'x_ex_post += w * nS * exp(1) / tau_syn_ex', 'x_in_post -= w * nS * exp(1) / tau_syn_in'
else:
    synapses = '''
dg_ex/dt = -g_ex / tau_syn_ex : siemens
dg_in/dt = -g_in / tau_syn_in : siemens
'''
    on_excitatory, on_inhibitory = 'g_ex_post += w * nS', 'g_in_post -= w * nS'

namespace = dict(V_th=p['V_th'] * mV, V_reset=p['V_reset'] * mV, g_L=p['g_L'] * nS, C_m=p['C_m'] * pF,
                 E_ex=p['E_ex'] * mV, E_in=p['E_in'] * mV, E_L=p['E_L'] * mV, tau_syn_ex=p['tau_syn_ex'] * ms,
                 tau_syn_in=p['tau_syn_in'] * ms, stimulus=current(pA))
group = NeuronGroup(len(SETUP['I_e']), membrane + synapses, method='rk4', threshold='v >= V_th and ' + END_OF_STEP,
                    reset='v = V_reset', refractory=refractory(p['t_ref']), namespace=namespace)
group.v = -70 * mV  # NEST's initial V_m: E_L's default
group.I_e = SETUP['I_e'] * pA
drive(group)
run_and_print(group, spike_input(group, on_excitatory, on_inhibitory), mV)
