package io.jcompose.model.merge;

/**
 * Which attributes merge differently from the default (mappings by key, sequences appended without
 * repeats, scalars replaced), checked against compose-go's {@code override/merge.go}. The first
 * matching pattern wins: list a more specific pattern before a broader one. A rule applies only
 * where both sides hold the attribute.
 */
final class MergeRules {
    private MergeRules() {}

    private static final MergeStrategy KEY_VALUE = Strategies::keyValue;
    private static final MergeStrategy LIST = Strategies.sequence(EntryKeys::keyValue);

    static final PathRules<MergeStrategy> TABLE = PathRules.<MergeStrategy>builder()
            // one value, never extended
            .add("services.*.command", Strategies::replace)
            .add("services.*.entrypoint", Strategies::replace)
            .add("services.*.healthcheck.test", Strategies::replace)
            // KEY=VALUE lists or KEY: VALUE mappings, merged by key
            .add("services.*.environment", KEY_VALUE)
            .add("services.*.labels", KEY_VALUE)
            .add("services.*.annotations", KEY_VALUE)
            .add("services.*.sysctls", KEY_VALUE)
            .add("services.*.build.args", KEY_VALUE)
            .add("services.*.build.labels", KEY_VALUE)
            .add("services.*.build.additional_contexts", KEY_VALUE)
            .add("services.*.deploy.labels", KEY_VALUE)
            .add("networks.*.labels", KEY_VALUE)
            .add("volumes.*.labels", KEY_VALUE)
            .add("secrets.*.labels", KEY_VALUE)
            .add("configs.*.labels", KEY_VALUE)
            // lists that may also be a single string or a mapping
            .add("services.*.dns", LIST)
            .add("services.*.dns_opt", LIST)
            .add("services.*.dns_search", LIST)
            .add("services.*.env_file", LIST)
            .add("services.*.label_file", LIST)
            .add("services.*.tmpfs", LIST)
            .add("services.*.extra_hosts", Strategies.sequence(EntryKeys::hostName))
            .add("services.*.build.extra_hosts", Strategies.sequence(EntryKeys::hostName))
            // short forms that stand for a mapping
            .add("services.*.build", Strategies::build)
            .add("services.*.depends_on", Strategies::dependsOn)
            .add("services.*.networks", Strategies::namesAsMapping)
            .add("services.*.models", Strategies::namesAsMapping)
            // attribute-specific
            .add("services.*.logging", Strategies::logging)
            .add("services.*.ulimits.*", Strategies::ulimit)
            .add("networks.*.ipam.config", IpamConfigs::merge)
            .build();
}
