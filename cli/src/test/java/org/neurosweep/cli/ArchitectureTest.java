package org.neurosweep.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The module arrows of ARCHITECTURE.md, checked on the compiled classes of every module. */
class ArchitectureTest {
    private static final List<String> MODULES = List.of("trajectory", "testkit", "explore", "exchange", "simulator", "nef", "storage", "runners",
            "postprocess", "samples", "cli", "benchmarks");

    /** Which modules each module may import (besides itself). */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("trajectory", List.of()),
            Map.entry("testkit", List.of()),
            Map.entry("explore", List.of("trajectory")),
            Map.entry("exchange", List.of()),
            Map.entry("simulator", List.of("exchange")),
            Map.entry("nef", List.of("exchange")),
            Map.entry("storage", List.of("trajectory")),
            Map.entry("runners", List.of("trajectory", "explore")),
            Map.entry("postprocess", List.of("trajectory", "storage")),
            Map.entry("samples", List.of("trajectory", "explore", "exchange", "simulator", "nef", "storage", "runners", "postprocess")),
            Map.entry("cli", List.of("trajectory", "explore", "exchange", "simulator", "nef", "storage", "runners", "postprocess", "samples")));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.neurosweep");
    }

    static List<String> modules() {
        return new ArrayList<>(ALLOWED.keySet());
    }

    @ParameterizedTest
    @MethodSource("modules")
    void moduleImportsOnlyWhatTheArchitectureAllows(String module) {
        List<String> forbidden = new ArrayList<>();
        for (String other : MODULES) {
            if (!other.equals(module) && !ALLOWED.get(module).contains(other)) {
                forbidden.add("org.neurosweep." + other + "..");
            }
        }
        noClasses().that().resideInAPackage("org.neurosweep." + module + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(new String[0]))
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Pekko (and Scala) stay inside runners: the cluster is one way of running runs, not a dependency of the model. */
    @Test
    void onlyRunnersUsesPekko() {
        noClasses().that().resideInAPackage("org.neurosweep..").and().resideOutsideOfPackage("org.neurosweep.runners..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pekko..", "scala..")
                .check(classes);
        assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith("org.neurosweep.runners")
                && c.getDirectDependenciesFromSelf().stream().anyMatch(d -> d.getTargetClass().getPackageName()
                        .startsWith("org.apache.pekko"))), "runners uses Pekko, so the rule above is not vacuous");
    }

    @Test
    void theCheckSeesTheModules() {
        for (String module : List.of("trajectory", "explore", "runners", "postprocess", "samples", "cli")) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith("org.neurosweep." + module)),
                    "no classes of " + module + " were imported, so the rules above would pass vacuously");
        }
    }
}
