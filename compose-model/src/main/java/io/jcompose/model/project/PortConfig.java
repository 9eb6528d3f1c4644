package io.jcompose.model.project;

/**
 * One published or exposed port in long form ({@code services.*.ports[]}). Short forms and ranges are expanded
 * by the loader, one entry per container port.
 *
 * @param name        a human-readable name, or null
 * @param mode        {@code ingress} (default) or {@code host}
 * @param hostIp      the host address to bind, or null for every interface
 * @param target      the container port
 * @param published   the host port or range ({@code "8080"}, {@code "8000-9000"}), or null for an ephemeral port
 * @param protocol    {@code tcp} (default), {@code udp} or {@code sctp}
 * @param appProtocol an application protocol hint ({@code http}...), or null
 */
public record PortConfig(String name, Mode mode, String hostIp, int target, String published, Protocol protocol,
                         String appProtocol) {

    public PortConfig {
        if (mode == null) mode = Mode.INGRESS;
        if (protocol == null) protocol = Protocol.TCP;
    }

    public enum Mode implements WireValue {
        INGRESS("ingress"), HOST("host");

        private final String wire;

        Mode(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }

    public enum Protocol implements WireValue {
        TCP("tcp"), UDP("udp"), SCTP("sctp");

        private final String wire;

        Protocol(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }
}
