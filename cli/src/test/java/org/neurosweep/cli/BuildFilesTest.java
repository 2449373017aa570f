package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurosweep.cli.PomXml.child;
import static org.neurosweep.cli.PomXml.children;
import static org.neurosweep.cli.PomXml.coordinates;
import static org.neurosweep.cli.PomXml.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What users depend on (README, "Depend on neurosweep"): the BOM and the aggregate artifact list every
 * module a user needs, at the build's version, and none of those modules hands a user an SLF4J provider.
 * A module added to the build without them fails here.
 */
class BuildFilesTest {
    /** Modules that are no library: harnesses, test support, and the two files users depend on. */
    private static final Set<String> NOT_FOR_USERS = Set.of("benchmarks", "testkit", "bom", "all");
    private static final Set<String> SLF4J_PROVIDERS = Set.of("org.slf4j:slf4j-simple", "org.slf4j:slf4j-nop",
            "org.slf4j:slf4j-jdk14", "org.slf4j:slf4j-reload4j", "ch.qos.logback:logback-classic",
            "org.apache.logging.log4j:log4j-slf4j2-impl");

    private static Path root;
    private static Element parent;
    private static List<String> libraryModules;

    @BeforeAll
    static void readRootPom() throws Exception {
        root = RepositoryRoot.path();
        parent = PomXml.read(root.resolve("pom.xml"));
        libraryModules = new ArrayList<>();
        for (Element m : children(child(parent, "modules"), "module")) {
            if (!NOT_FOR_USERS.contains(m.getTextContent().trim())) {
                libraryModules.add(m.getTextContent().trim());
            }
        }
        assertTrue(libraryModules.containsAll(List.of("trajectory", "runners", "cli")), libraryModules.toString());
    }

    @Test
    void theBomManagesEveryArtifactAtTheBuildsVersionAndInheritsNothing() throws Exception {
        Element bom = PomXml.read(root.resolve("bom/pom.xml"));
        assertEquals(null, child(bom, "parent"), "a parent's dependencyManagement would be imported with the BOM");
        assertEquals(text(parent, "version"), text(bom, "version"));
        Set<String> expected = new TreeSet<>(artifactIds(libraryModules));
        expected.add("org.neurosweep:neurosweep");
        assertEquals(expected, coordinates(child(bom, "dependencyManagement", "dependencies")));
        Map<String, String> parentPlugins = pluginVersions(parent);
        Map<String, String> bomPlugins = pluginVersions(bom);
        assertTrue(!bomPlugins.isEmpty() && parentPlugins.entrySet().containsAll(bomPlugins.entrySet()),
                "the BOM's plugins " + bomPlugins + " are the parent's " + parentPlugins);
    }

    /** artifactId to version of the plugins a pom manages, its properties resolved. */
    private static Map<String, String> pluginVersions(Element pom) {
        Map<String, String> versions = new TreeMap<>();
        for (Element plugin : children(child(pom, "build", "pluginManagement", "plugins"), "plugin")) {
            String v = text(plugin, "version");
            if (v.startsWith("${")) {
                v = text(pom, "properties", v.substring(2, v.length() - 1));
            }
            versions.put(text(plugin, "artifactId"), v);
        }
        return versions;
    }

    @Test
    void theAggregateDependsOnEveryLibraryModule() throws Exception {
        Element all = PomXml.read(root.resolve("all/pom.xml"));
        assertEquals("neurosweep", text(all, "artifactId"));
        assertEquals(new TreeSet<>(artifactIds(libraryModules)), coordinates(child(all, "dependencies")));
    }

    /** An SLF4J provider in a library would fight the user's own ("multiple providers") or log where they do not want. */
    @Test
    void noLibraryModuleHandsOnAnSlf4jProvider() throws Exception {
        for (String module : libraryModules) {
            Element deps = child(PomXml.read(root.resolve(module).resolve("pom.xml")), "dependencies");
            for (Element d : children(deps, "dependency")) {
                String coordinate = text(d, "groupId") + ":" + text(d, "artifactId");
                boolean reachesUsers = !"test".equals(text(d, "scope")) && !"true".equals(text(d, "optional"));
                assertTrue(!SLF4J_PROVIDERS.contains(coordinate) || !reachesUsers,
                        module + " hands " + coordinate + " to its users: make it test-scoped or optional");
            }
        }
    }

    private static List<String> artifactIds(List<String> modules) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String m : modules) {
            ids.add("org.neurosweep:" + text(PomXml.read(root.resolve(m).resolve("pom.xml")), "artifactId"));
        }
        return ids;
    }
}
