package dev.latchkey.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.latchkey.http.auth.Authenticated;
import dev.latchkey.http.auth.Public;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon's rules, checked by a machine rather than by memory. */
class ArchitectureTest {
    private static JavaClasses latchkey;

    @BeforeAll
    static void importClasses() {
        // Test code arrives both as test-classes directories and, in a full build, as *-tests.jar.
        ImportOption productionOnly =
                location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");
        latchkey = new ClassFileImporter().withImportOption(productionOnly).importPackages("dev.latchkey");
    }

    /** The JDK: {@code java..}, and {@code javax.crypto} (java.base) for the webhook signature's HMAC. */
    @Test
    void domainDependsOnlyOnTheJdk() {
        classes()
                .that()
                .resideInAPackage("dev.latchkey.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.crypto..", "dev.latchkey.domain..")
                .check(latchkey);
    }

    /**
     * The domain's packages form layers, not a knot: each package (a sub-package counts as its
     * own) may be read without the ones that depend on it. Models sit below the use cases that
     * combine them (`workspace` below `workspace.lifecycle`, `user` below `account`).
     */
    @Test
    void theDomainsPackagesHaveNoCycles() {
        slices().matching("dev.latchkey.domain.(**)").should().beFreeOfCycles().check(latchkey);
    }

    /** Every adapter module; a new one must be added here to be checked. */
    private static final List<String> ADAPTERS =
            List.of("http", "persistence", "crypto", "identity", "workos", "redis", "mail", "cache", "webhooks");

    @Test
    void adaptersDoNotDependOnEachOther() {
        for (String adapter : ADAPTERS) {
            String[] others = ADAPTERS.stream()
                    .filter(other -> !other.equals(adapter))
                    .map(other -> "dev.latchkey." + other + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("dev.latchkey." + adapter + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .check(latchkey);
        }
    }

    /**
     * The outbound-call library (resilient HTTP, JWKS, the public-address fence) is shared by the
     * adapters that call out, identity, WorkOS and webhooks, without any depending on another; it is
     * no adapter and knows none.
     */
    @Test
    void theSharedOutboundCallsKnowNoAdapterAndOnlyTheAdaptersThatCallOutUseThem() {
        String[] adapters = ADAPTERS.stream()
                .map(adapter -> "dev.latchkey." + adapter + "..")
                .toArray(String[]::new);
        noClasses()
                .that()
                .resideInAPackage("dev.latchkey.outbound..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(adapters)
                .check(latchkey);
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.latchkey.http..",
                        "dev.latchkey.persistence..",
                        "dev.latchkey.crypto..",
                        "dev.latchkey.redis..",
                        "dev.latchkey.mail..",
                        "dev.latchkey.cache..",
                        "dev.latchkey.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.latchkey.outbound..")
                .check(latchkey);
    }

    @Test
    void everyClassLivesInAKnownModulePackage() {
        classes()
                .should()
                .resideInAnyPackage(
                        "dev.latchkey.domain..",
                        "dev.latchkey.app..",
                        "dev.latchkey.http..",
                        "dev.latchkey.persistence..",
                        "dev.latchkey.crypto..",
                        "dev.latchkey.identity..",
                        "dev.latchkey.workos..",
                        "dev.latchkey.outbound..",
                        "dev.latchkey.redis..",
                        "dev.latchkey.mail..",
                        "dev.latchkey.cache..",
                        "dev.latchkey.webhooks..")
                .check(latchkey);
    }

    @Test
    void nothingDependsOnTheApp() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.latchkey.app..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.latchkey.app..")
                .check(latchkey);
    }

    @Test
    void everyResourceMethodDeclaresItsAuthPosture() {
        methods()
                .that()
                .areAnnotatedWith(GET.class)
                .or()
                .areAnnotatedWith(POST.class)
                .or()
                .areAnnotatedWith(PUT.class)
                .or()
                .areAnnotatedWith(DELETE.class)
                .or()
                .areAnnotatedWith(PATCH.class)
                .or()
                .areAnnotatedWith(HEAD.class)
                .should()
                .beAnnotatedWith(Public.class)
                .orShould()
                .beAnnotatedWith(Authenticated.class)
                .check(latchkey);
    }
}
