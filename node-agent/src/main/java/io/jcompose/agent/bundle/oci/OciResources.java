package io.jcompose.agent.bundle.oci;

import java.util.List;

/** {@code linux.resources}: cgroup limits. */
public record OciResources(List<OciDeviceRule> devices, OciMemory memory, OciCpu cpu, OciPids pids) {

    /** {@code linux.resources.devices[]}: a device cgroup rule. */
    public record OciDeviceRule(boolean allow, String type, Long major, Long minor, String access) {
    }

    /** {@code linux.resources.memory}, in bytes. */
    public record OciMemory(Long limit, Long reservation, Long swap) {
    }

    /** {@code linux.resources.cpu}: shares are relative weights; quota/period in microseconds. */
    public record OciCpu(Long shares, Long quota, Long period) {
    }

    /** {@code linux.resources.pids}. */
    public record OciPids(long limit) {
    }
}
