package org.neurosweep.storage;

import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.Map;
import java.util.regex.Pattern;

/** Small reads of jHDF nodes shared by the readers: a child by name, text attributes, run_set groups. */
final class Nodes {
    private static final Pattern RUN_SET = Pattern.compile("run_set_\\d{5,}");

    private Nodes() {
    }

    static Node child(Node parent, String name) {
        if (!(parent instanceof Group g)) {
            return null;
        }
        return children(g).get(name);
    }

    /** A group's children by name; a dense group's only once their names match its name index ({@link LinkNameCheck}). */
    static Map<String, Node> children(Group g) {
        return LinkNameCheck.children(g);
    }

    static String comment(Node n) {
        return optionalString(n, Layout.ATTR_COMMENT);
    }

    /** A text attribute, or "" if the node has none. */
    static String optionalString(Node n, String name) {
        Attribute a = n.getAttribute(name);
        return a == null ? "" : JhdfValues.text((String) GlobalHeapCheck.data(a));
    }

    static String stringAttribute(Node n, String name) {
        Attribute a = n.getAttribute(name);
        if (a == null) {
            throw new IllegalStateException(n.getPath() + " has no attribute '" + name + "'"); // damaged: reading() says so
        }
        return JhdfValues.text((String) GlobalHeapCheck.data(a));
    }

    static boolean isRunSet(String groupName) {
        return RUN_SET.matcher(groupName).matches();
    }
}
