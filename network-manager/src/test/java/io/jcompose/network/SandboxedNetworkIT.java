package io.jcompose.network;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The lifecycle the root-tier network tests share: one sandbox host namespace per class (checked empty
 * when the class ends), one fresh manager per test whose networks are all removed afterwards (checked
 * too, even when the test failed).
 */
abstract class SandboxedNetworkIT {
    protected static Sandbox sandbox;
    protected NetworkManager manager;

    @BeforeAll
    static void createSandbox() {
        assumeTrue(Sandbox.isRoot(), "root-tier test: needs uid 0");
        sandbox = Sandbox.create();
    }

    @AfterAll
    static void removeSandbox() {
        if (sandbox != null) {
            sandbox.close();
            sandbox.assertNothingLeft();
        }
    }

    @BeforeEach
    void openManager() {
        manager = NetworkManager.open(sandbox.config());
        prepare();
    }

    /** What every test of the class starts from (networks to create…); nothing by default. */
    protected void prepare() {
    }

    /** Extra kernel state a class makes outside the manager, removed after each test. */
    protected void removeExtras() {
    }

    @AfterEach
    void removeEverything() {
        try {
            manager.removeAll();
            manager.close();
            removeExtras();
        } finally {
            sandbox.assertManagerLeftNothing();
        }
    }
}
