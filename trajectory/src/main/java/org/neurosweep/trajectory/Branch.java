package org.neurosweep.trajectory;

/** The four top-level branches of every trajectory, in the order they are shown and stored. */
public enum Branch {
    CONFIG("config"),
    PARAMETERS("parameters"),
    DERIVED_PARAMETERS("derived_parameters"),
    RESULTS("results");

    private final String groupName;

    Branch(String groupName) {
        this.groupName = groupName;
    }

    /** The branch's group name, the first segment of every full path below it. */
    public String groupName() {
        return groupName;
    }

    /** The branch whose group name is {@code name}, or null. */
    public static Branch byGroupName(String name) {
        for (Branch b : values()) {
            if (b.groupName.equals(name)) {
                return b;
            }
        }
        return null;
    }
}
