package org.equityadvisor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of design.md: dependencies point one way; Spring only in server; Drools only in knowledge and advise. */
@AnalyzeClasses(packages = "org.equityadvisor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("cli").definedBy("org.equityadvisor.cli..")
            .layer("server").definedBy("org.equityadvisor.server..")
            .layer("scenario").definedBy("org.equityadvisor.scenario..")
            .layer("batch").definedBy("org.equityadvisor.batch..")
            .layer("features").definedBy("org.equityadvisor.imports..", "org.equityadvisor.plan..", "org.equityadvisor.export..",
                    "org.equityadvisor.progress..")
            .layer("advise").definedBy("org.equityadvisor.advise..")
            .layer("knowledge").definedBy("org.equityadvisor.knowledge..")
            .layer("model").definedBy("org.equityadvisor.model..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("server").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("scenario").mayOnlyBeAccessedByLayers("cli", "server")
            // batch runs advice over many inputs (imports in, export out): beside scenario, below the faces.
            .whereLayer("batch").mayOnlyBeAccessedByLayers("cli", "server")
            .whereLayer("features").mayOnlyBeAccessedByLayers("cli", "server", "scenario", "batch", "features")
            .whereLayer("advise").mayOnlyBeAccessedByLayers("cli", "server", "scenario", "batch", "features")
            .whereLayer("knowledge").mayOnlyBeAccessedByLayers("cli", "server", "scenario", "batch", "features", "advise")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule modelDependsOnNothingOfOurs = noClasses().that().resideInAPackage("org.equityadvisor.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.equityadvisor.knowledge..", "org.equityadvisor.advise..",
                    "org.equityadvisor.imports..", "org.equityadvisor.plan..", "org.equityadvisor.export..", "org.equityadvisor.scenario..",
                    "org.equityadvisor.cli..", "org.equityadvisor.server..", "org.equityadvisor.batch..");

    @ArchTest
    static final ArchRule springOnlyInServer = noClasses().that().resideOutsideOfPackage("org.equityadvisor.server..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule droolsOnlyInKnowledgeAndAdvise = noClasses().that()
            .resideOutsideOfPackages("org.equityadvisor.knowledge..", "org.equityadvisor.advise..")
            .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..");

    /** The compiled rules are the advisor's business: everyone else asks the Advisor (issue 12, part 6). */
    @ArchTest
    static final ArchRule compiledRulesOnlyForAdvise = noClasses().that()
            .resideOutsideOfPackages("org.equityadvisor.knowledge..", "org.equityadvisor.advise..")
            .should().callMethod(org.equityadvisor.knowledge.KnowledgeBase.class, "kieBase");

    @ArchTest
    static final ArchRule terminalOnlyInCli = noClasses().that().resideOutsideOfPackage("org.equityadvisor.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("me.tongfei..", "org.jline..");

    @ArchTest
    static final ArchRule noCycles = slices().matching("org.equityadvisor.(*)..").should().beFreeOfCycles();
}
