package io.jcompose.agent.network;

import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.testing.AgentFixture;
import io.jcompose.agent.testing.TestHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh agent per test; every container and network of the test is removed after it, even on failure. */
abstract class AgentOnNetworks {
    AgentFixture fx;
    AgentClient client;
    TestHost host;

    @BeforeEach
    void startAgent() {
        fx = AgentFixture.start();
        client = fx.client();
        host = fx.host();
    }

    @AfterEach
    void stopAgent() {
        try {
            fx.removeAll();
            NetworkWiring.removeNetworks(client, host);
        } finally {
            fx.close();
        }
    }
}
