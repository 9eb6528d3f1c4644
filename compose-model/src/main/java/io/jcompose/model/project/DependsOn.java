package io.jcompose.model.project;

/**
 * One dependency of a service ({@code services.*.depends_on.<service>}).
 *
 * @param condition what the dependency must reach before this service starts ({@code service_started} when
 *                  not written)
 * @param restart   restart this service when compose restarts the dependency
 * @param required  fail when the dependency is missing or does not start ({@code true} when not written);
 *                  when false, only warn
 */
public record DependsOn(Condition condition, boolean restart, boolean required) {

    public static final DependsOn STARTED = new DependsOn(Condition.SERVICE_STARTED, false, true);

    public DependsOn {
        if (condition == null) condition = Condition.SERVICE_STARTED;
    }

    public enum Condition implements WireValue {
        SERVICE_STARTED("service_started"),
        SERVICE_HEALTHY("service_healthy"),
        SERVICE_COMPLETED_SUCCESSFULLY("service_completed_successfully");

        private final String wire;

        Condition(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }
}
