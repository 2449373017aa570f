package org.neurosweep.simulator;

/** A connection weight or delay: a constant, or drawn per connection from a distribution. */
public sealed interface Distribution {
    /** Draws one value from the connection's random stream (constants draw nothing). */
    double draw(Rng rng);

    /** Whether every draw gives the same value without using the stream. */
    default boolean isConstant() {
        return false;
    }

    static Distribution constant(double value) {
        return new Constant(value);
    }

    static Distribution uniform(double min, double max) {
        return new Uniform(min, max);
    }

    static Distribution normal(double mean, double std) {
        return new Normal(mean, std);
    }

    /** A normal distribution redrawn until the value falls in [min, max] (NEST's normal_clipped). */
    static Distribution normalClipped(double mean, double std, double min, double max) {
        return new NormalClipped(mean, std, min, max);
    }

    record Constant(double value) implements Distribution {
        public Constant {
            if (!Double.isFinite(value)) {
                throw new BadParameterException("constant " + value + " must be finite");
            }
        }

        @Override
        public double draw(Rng rng) {
            return value;
        }

        @Override
        public boolean isConstant() {
            return true;
        }
    }

    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
                throw new BadParameterException("uniform needs finite min < max, got " + min + " and " + max);
            }
        }

        @Override
        public double draw(Rng rng) {
            return min + (max - min) * rng.nextDouble();
        }
    }

    record Normal(double mean, double std) implements Distribution {
        public Normal {
            if (!(std >= 0) || !Double.isFinite(mean) || !Double.isFinite(std)) {
                throw new BadParameterException("normal needs a finite mean and std >= 0, got " + mean + " and " + std);
            }
        }

        @Override
        public double draw(Rng rng) {
            return mean + std * rng.nextGaussian();
        }
    }

    record NormalClipped(double mean, double std, double min, double max) implements Distribution {
        public NormalClipped {
            if (!(std >= 0) || !(min < max)) {
                throw new BadParameterException("normal_clipped needs std >= 0 and min < max, got std " + std
                        + ", min " + min + ", max " + max);
            }
        }

        @Override
        public double draw(Rng rng) {
            for (int attempt = 0; attempt < 1_000_000; attempt++) {
                double x = mean + std * rng.nextGaussian();
                if (x >= min && x <= max) {
                    return x;
                }
            }
            throw new BadParameterException("normal_clipped(" + mean + ", " + std + ") almost never falls in [" + min + ", "
                    + max + "]");
        }
    }
}
