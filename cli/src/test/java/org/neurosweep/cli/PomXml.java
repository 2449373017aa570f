package org.neurosweep.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading pom.xml files in tests: elements by their path of tags below the project element. */
final class PomXml {
    private PomXml() {
    }

    /** The project element of a pom. */
    static Element read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    /** The element at this path of direct children ({@code "build", "plugins"}), or null. */
    static Element child(Element from, String... path) {
        Element e = from;
        for (String tag : path) {
            List<Element> c = e == null ? List.of() : children(e, tag);
            e = c.isEmpty() ? null : c.get(0);
        }
        return e;
    }

    /** The direct children with this tag (none if {@code parent} is null). */
    static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                found.add(e);
            }
        }
        return found;
    }

    /** The trimmed text at this path, or null if there is no such element. */
    static String text(Element from, String... path) {
        Element e = child(from, path);
        return e == null ? null : e.getTextContent().trim();
    }

    /** {@code groupId:artifactId} of every dependency in a {@code <dependencies>} element. */
    static Set<String> coordinates(Element dependencies) {
        Set<String> found = new TreeSet<>();
        for (Element d : children(dependencies, "dependency")) {
            found.add(text(d, "groupId") + ":" + text(d, "artifactId"));
        }
        return found;
    }
}
