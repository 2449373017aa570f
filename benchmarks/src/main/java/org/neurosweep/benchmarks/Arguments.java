package org.neurosweep.benchmarks;

/** The harnesses' positional arguments: whole numbers, each with a default. */
final class Arguments {
    private Arguments() {
    }

    /**
     * Argument {@code index} as a number of at least 1, or {@code otherwise} when not given. Anything else
     * ends the harness with a message naming the value, what is allowed and the usage.
     */
    static int positive(String[] args, int index, int otherwise, String what, String usage) {
        if (args.length <= index) {
            return otherwise;
        }
        String s = args[index];
        try {
            int n = Integer.parseInt(s);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("benchmark: " + what + " must be a whole number of at least 1, not '" + s + "'\nusage: " + usage);
        System.exit(2);
        return otherwise;
    }
}
