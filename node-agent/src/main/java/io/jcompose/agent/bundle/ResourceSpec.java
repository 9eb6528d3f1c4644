package io.jcompose.agent.bundle;

import io.jcompose.agent.error.AgentException;

/**
 * cgroup limits; 0 means "not set" for every field, as in Docker.
 *
 * @param memoryLimit       bytes ({@code mem_limit}, {@code deploy.resources.limits.memory})
 * @param memoryReservation bytes, a soft limit ({@code mem_reservation})
 * @param memorySwap        memory plus swap in bytes ({@code memswap_limit}); -1 unlimited; 0 means twice the limit
 * @param cpuShares         relative weight ({@code cpu_shares})
 * @param cpus              CPUs worth of time per period ({@code cpus}), e.g. 0.5
 * @param pidsLimit         maximum number of tasks ({@code pids_limit}); -1 unlimited
 */
public record ResourceSpec(long memoryLimit, long memoryReservation, long memorySwap, long cpuShares, double cpus,
                           long pidsLimit) {
    /** Docker refuses smaller limits: the runtime itself and a shell do not fit below it. */
    public static final long MIN_MEMORY = 6L * 1024 * 1024;

    public static final ResourceSpec NONE = new ResourceSpec(0, 0, 0, 0, 0, 0);

    public ResourceSpec {
        if (memoryLimit != 0 && memoryLimit < MIN_MEMORY) {
            throw AgentException.invalid("memory limit " + memoryLimit + " bytes is below the minimum of 6 MiB",
                    "set mem_limit to at least 6m");
        }
        if (memoryReservation < 0 || (memoryLimit > 0 && memoryReservation > memoryLimit)) {
            throw AgentException.invalid("memory reservation " + memoryReservation + " must be between 0 and the limit "
                    + memoryLimit, "lower mem_reservation or raise mem_limit");
        }
        if (memorySwap > 0 && memorySwap < memoryLimit) {
            throw AgentException.invalid("memswap_limit " + memorySwap + " is below mem_limit " + memoryLimit,
                    "memswap_limit counts memory plus swap: make it at least mem_limit");
        }
        if (memorySwap != 0 && memoryLimit == 0) {
            throw AgentException.invalid("memswap_limit is set without mem_limit", "set mem_limit too");
        }
        if (cpuShares < 0 || cpus < 0) {
            throw AgentException.invalid("cpu_shares and cpus cannot be negative", null);
        }
        if (pidsLimit < -1) {
            throw AgentException.invalid("pids_limit " + pidsLimit + " is not valid", "use a positive number or -1");
        }
    }

    public ResourceSpec withMemory(long limit, long reservation) {
        return new ResourceSpec(limit, reservation, memorySwap, cpuShares, cpus, pidsLimit);
    }

    public ResourceSpec withCpu(long shares, double newCpus) {
        return new ResourceSpec(memoryLimit, memoryReservation, memorySwap, shares, newCpus, pidsLimit);
    }

    public ResourceSpec withPidsLimit(long limit) {
        return new ResourceSpec(memoryLimit, memoryReservation, memorySwap, cpuShares, cpus, limit);
    }
}
