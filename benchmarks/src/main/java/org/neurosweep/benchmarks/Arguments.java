package org.neurosweep.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The harnesses' arguments: whole numbers, each with a default, given by position or as {@code --name value}. */
final class Arguments {
    private Arguments() {
    }

    /**
     * Argument {@code index} as a number of at least 1, or {@code otherwise} when not given. Anything else
     * ends the harness with a message naming the value, what is allowed and the usage.
     */
    static int positive(String[] args, int index, int otherwise, String what, String usage) {
        return args.length <= index ? otherwise : positive(args[index], what, usage);
    }

    /** {@code text} as a whole number of at least 1; anything else ends the harness as above. */
    static int positive(String text, String what, String usage) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return refuse(what + " must be a whole number of at least 1, not '" + text + "'", usage);
    }

    /** {@code text} as a number greater than 0 (e.g. minutes); anything else ends the harness. */
    static double positiveDecimal(String text, String what, String usage) {
        try {
            double d = Double.parseDouble(text);
            if (d > 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return refuse(what + " must be a number greater than 0, not '" + text + "'", usage);
    }

    /**
     * Options given as {@code --name value}, by name without the dashes. An unknown name, a name given twice
     * or a name without a value ends the harness with the usage.
     */
    static Map<String, String> options(String[] args, Set<String> known, String usage) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !known.contains(name)) {
                refuse("unknown option '" + args[i] + "'", usage);
            } else if (i + 1 >= args.length) {
                refuse(args[i] + " needs a value", usage);
            } else if (given.put(name, args[i + 1]) != null) {
                refuse(args[i] + " is given twice", usage);
            }
        }
        return given;
    }

    private static int refuse(String message, String usage) {
        System.err.println("benchmark: " + message + "\nusage: " + usage);
        System.exit(2);
        return 0;
    }
}
