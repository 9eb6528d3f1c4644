package io.jcompose.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module dependency table of DESIGN.md, enforced on the compiled classes of the whole reactor:
 * dependencies point one way, {@code cli → scheduler → compose-model}, {@code scheduler → node-agent}
 * (its API client), {@code node-agent → image-store, network-manager, dns-resolver}, and the four
 * leaf modules depend on no other jcompose module. {@code json} is a library (JSON on jackson-core, no knowledge
 * of jcompose) that every module may use and that uses none.
 */
class ArchitectureTest {
    private static final Map<String, String> MODULE_PACKAGES = Map.of(
            "compose-model", "io.jcompose.model..",
            "scheduler", "io.jcompose.scheduler..",
            "node-agent", "io.jcompose.agent..",
            "image-store", "io.jcompose.image..",
            "network-manager", "io.jcompose.network..",
            "dns-resolver", "io.jcompose.dns..",
            "cli", "io.jcompose.cli..",
            "json", "io.jcompose.json..");

    /** module → the jcompose modules it may use. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "json", List.of(),
            "compose-model", List.of("json"),
            "image-store", List.of("json"),
            "network-manager", List.of("json"),
            "dns-resolver", List.of("json"),
            "node-agent", List.of("image-store", "network-manager", "dns-resolver", "json"),
            "scheduler", List.of("compose-model", "node-agent", "json"),
            "cli", List.of("scheduler", "compose-model", "node-agent", "json"));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jcompose");
    }

    static Stream<Arguments> forbiddenEdges() {
        return ALLOWED.entrySet().stream().flatMap(e -> MODULE_PACKAGES.keySet().stream()
                .filter(other -> !other.equals(e.getKey()) && !e.getValue().contains(other))
                .map(other -> Arguments.of(e.getKey(), other)));
    }

    @ParameterizedTest(name = "{0} must not use {1}")
    @MethodSource("forbiddenEdges")
    void moduleDoesNotUseForbiddenModule(String module, String forbidden) {
        noClasses().that().resideInAPackage(MODULE_PACKAGES.get(module))
                .should().dependOnClassesThat().resideInAPackage(MODULE_PACKAGES.get(forbidden))
                .allowEmptyShould(true)
                .because("DESIGN.md's dependency table does not let " + module + " use " + forbidden)
                .check(classes);
    }

    @ParameterizedTest(name = "no util/common/misc package in {0}")
    @MethodSource("modules")
    void packagesAreNamedForWhatTheyHold(String module) {
        noClasses().that().resideInAPackage(MODULE_PACKAGES.get(module))
                .should().resideInAnyPackage("..util..", "..utils..", "..common..", "..misc..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Guards against a vacuous pass: the same rule must catch an edge that really exists. */
    @org.junit.jupiter.api.Test
    void theRuleDetectsARealDependency() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noClasses()
                        .that().resideInAPackage(MODULE_PACKAGES.get("cli"))
                        .should().dependOnClassesThat().resideInAPackage(MODULE_PACKAGES.get("compose-model"))
                        .check(classes))
                .isInstanceOf(AssertionError.class);
    }

    static Stream<String> modules() {
        return MODULE_PACKAGES.keySet().stream();
    }
}
