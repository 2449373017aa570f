package org.neurosweep.trajectory;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A group of the trajectory tree; children keep their insertion order. */
public final class Group implements TreeNode {
    private final String name;
    private final String fullPath;
    private final Branch branch;
    private String comment = "";
    private final Map<String, TreeNode> children = new LinkedHashMap<>();

    Group(String name, String fullPath, Branch branch) {
        this.name = name;
        this.fullPath = fullPath;
        this.branch = branch;
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

    @Override
    public String comment() {
        return comment;
    }

    void setComment(String comment) {
        this.comment = comment == null ? "" : comment;
    }

    /** The children in insertion order (read-only). */
    public Collection<TreeNode> children() {
        return Collections.unmodifiableCollection(children.values());
    }

    /** The child with this name, or null. */
    public TreeNode child(String childName) {
        return children.get(childName);
    }

    void add(TreeNode child) {
        children.put(child.name(), child);
    }

    @Override
    public String toString() {
        return fullPath + "/";
    }
}
