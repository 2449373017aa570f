package org.neurosweep.trajectory;

/** A leaf of the trajectory tree holding one typed value: a {@link Parameter} or a {@link Result}. */
public abstract sealed class Leaf implements TreeNode permits Parameter, Result {
    private final String name;
    private final String fullPath;
    private final Branch branch;
    private final ValueType type;
    private final String comment;

    Leaf(String name, String fullPath, Branch branch, ValueType type, String comment) {
        this.name = name;
        this.fullPath = fullPath;
        this.branch = branch;
        this.type = type;
        this.comment = comment == null ? "" : comment;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String fullPath() {
        return fullPath;
    }

    @Override
    public Branch branch() {
        return branch;
    }

    /** The leaf's value type, fixed when it is added. */
    public ValueType type() {
        return type;
    }

    @Override
    public String comment() {
        return comment;
    }

    /** The leaf's value (its default, for a parameter); arrays are copies. */
    public abstract Object value();

    @Override
    public String toString() {
        return fullPath + " (" + type.label() + ") = " + ValueType.abbreviate(value());
    }
}
