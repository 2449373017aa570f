package org.neurosweep.simulator;

/** A connection rule with NEST's names and options. */
public sealed interface ConnSpec {
    boolean allowAutapses();

    boolean allowMultapses();

    /** The i-th source to the i-th target; both collections of equal size. */
    record OneToOne() implements ConnSpec {
        @Override
        public boolean allowAutapses() {
            return true;
        }

        @Override
        public boolean allowMultapses() {
            return true;
        }
    }

    /** Every source to every target. */
    record AllToAll(boolean allowAutapses, boolean allowMultapses) implements ConnSpec {
    }

    /** Every target receives exactly {@code indegree} connections from sources drawn at random. */
    record FixedIndegree(int indegree, boolean allowAutapses, boolean allowMultapses) implements ConnSpec {
        public FixedIndegree {
            if (indegree < 0) {
                throw new BadParameterException("fixed_indegree: indegree " + indegree + " must not be negative");
            }
        }
    }

    /** Every source sends exactly {@code outdegree} connections to targets drawn at random. */
    record FixedOutdegree(int outdegree, boolean allowAutapses, boolean allowMultapses) implements ConnSpec {
        public FixedOutdegree {
            if (outdegree < 0) {
                throw new BadParameterException("fixed_outdegree: outdegree " + outdegree + " must not be negative");
            }
        }
    }

    /** Each (source, target) pair is connected with probability {@code p}. */
    record PairwiseBernoulli(double p, boolean allowAutapses, boolean allowMultapses) implements ConnSpec {
        public PairwiseBernoulli {
            if (!(p >= 0 && p <= 1)) {
                throw new BadParameterException("pairwise_bernoulli: p = " + p + " must be in [0, 1]");
            }
        }
    }

    static ConnSpec oneToOne() {
        return new OneToOne();
    }

    static ConnSpec allToAll() {
        return new AllToAll(true, true);
    }

    static ConnSpec fixedIndegree(int indegree, boolean autapses, boolean multapses) {
        return new FixedIndegree(indegree, autapses, multapses);
    }

    static ConnSpec fixedOutdegree(int outdegree, boolean autapses, boolean multapses) {
        return new FixedOutdegree(outdegree, autapses, multapses);
    }

    static ConnSpec pairwiseBernoulli(double p, boolean autapses, boolean multapses) {
        return new PairwiseBernoulli(p, autapses, multapses);
    }

    /** A rule by NEST name with its main number (indegree, outdegree, p); autapses and multapses allowed. */
    static ConnSpec byName(String rule, double number) {
        return switch (rule) {
            case "one_to_one" -> oneToOne();
            case "all_to_all" -> allToAll();
            case "fixed_indegree" -> fixedIndegree((int) number, true, true);
            case "fixed_outdegree" -> fixedOutdegree((int) number, true, true);
            case "pairwise_bernoulli" -> pairwiseBernoulli(number, true, true);
            default -> throw new UnknownNameException("unknown connection rule '" + rule
                    + "'; rules: one_to_one, all_to_all, fixed_indegree, fixed_outdegree, pairwise_bernoulli");
        };
    }
}
