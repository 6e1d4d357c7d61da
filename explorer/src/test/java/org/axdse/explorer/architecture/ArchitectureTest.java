package org.axdse.explorer.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.axdse.results.archfixture.ResultsRunningInference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module direction of the root pom true: {@code multipliers <- simulator <- explorer -> results}. The
 * Maven modules already stop most wrong imports at compile time; these rules also catch the one a pom change would
 * let through (say results depending on the simulator again), and package cycles inside a module. Explorer's test
 * scope is the one place that sees every module's classes.
 */
class ArchitectureTest {
  private static final String MULTIPLIERS = "org.axdse.multipliers..";
  private static final String SIMULATOR = "org.axdse.simulator..";
  private static final String EXPLORER = "org.axdse.explorer..";
  private static final String RESULTS = "org.axdse.results..";
  private static final String MULTIPLIERS_UTIL = "org.axdse.multipliers.util..";

  static final ArchRule MULTIPLIERS_USE_NO_OTHER_MODULE = noClasses().that().resideInAPackage(MULTIPLIERS)
      .should().dependOnClassesThat().resideInAnyPackage(SIMULATOR, EXPLORER, RESULTS)
      .because("multipliers is the bottom of the stack");
  static final ArchRule SIMULATOR_USES_ONLY_MULTIPLIERS = noClasses().that().resideInAPackage(SIMULATOR)
      .should().dependOnClassesThat().resideInAnyPackage(EXPLORER, RESULTS)
      .because("the simulator knows nothing of search or reporting");
  static final ArchRule RESULTS_RUN_NO_INFERENCE = noClasses().that().resideInAPackage(RESULTS)
      .should().dependOnClassesThat().resideInAnyPackage(SIMULATOR, EXPLORER)
      .because("results reads run files and draws; inference belongs to the simulator and explorer");
  static final ArchRule RESULTS_USE_ONLY_FILE_HELPERS = noClasses().that().resideInAPackage(RESULTS)
      .should().dependOnClassesThat(resideInAPackage(MULTIPLIERS).and(not(resideInAPackage(MULTIPLIERS_UTIL))))
      .because("of multipliers, results uses only the file helpers in multipliers.util");
  /**
   * No cycle between packages, with the one that exists today waived: {@code MultiplierSummary} (package
   * multipliers) holds {@code cost} records while {@code cost.MultiplierCosts} takes a {@code Multiplier}. Any new
   * cycle fails.
   */
  static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.axdse.(**)").should().beFreeOfCycles()
      .ignoreDependency(name("org.axdse.multipliers.MultiplierSummary"),
          resideInAPackage("org.axdse.multipliers.cost"));

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.axdse");
  }

  @Test
  void everyModuleIsSeen() {
    // A rule over zero classes passes vacuously, so check each module was imported.
    for (String module : new String[] {"multipliers", "simulator", "explorer", "results"}) {
      assertTrue(main.containPackage("org.axdse." + module), "no classes of " + module + " on the test classpath");
    }
  }

  @Test
  void multipliersUseNoOtherModule() {
    MULTIPLIERS_USE_NO_OTHER_MODULE.check(main);
  }

  @Test
  void simulatorUsesOnlyMultipliers() {
    SIMULATOR_USES_ONLY_MULTIPLIERS.check(main);
  }

  @Test
  void resultsRunNoInference() {
    RESULTS_RUN_NO_INFERENCE.check(main);
  }

  @Test
  void resultsUseOnlyTheFileHelpersOfMultipliers() {
    RESULTS_USE_ONLY_FILE_HELPERS.check(main);
  }

  @Test
  void noPackageCycles() {
    NO_PACKAGE_CYCLES.check(main);
  }

  @Test
  void aForbiddenImportFailsTheRules() {
    JavaClasses fixture = new ClassFileImporter().importClasses(ResultsRunningInference.class);
    EvaluationResult inference = RESULTS_RUN_NO_INFERENCE.evaluate(fixture);
    assertTrue(inference.hasViolation(), "a results class using the simulator must break the rule");
    assertTrue(inference.getFailureReport().toString().contains("ResultsRunningInference"),
        inference.getFailureReport().toString());
    assertTrue(RESULTS_USE_ONLY_FILE_HELPERS.evaluate(fixture).hasViolation(),
        "a results class using multipliers.table must break the rule");
  }
}
