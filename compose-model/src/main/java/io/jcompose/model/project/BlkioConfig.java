package io.jcompose.model.project;

import java.util.List;

/**
 * {@code services.*.blkio_config}: block-IO weights and throttles.
 *
 * @param weight          relative weight (10-1000), or null
 * @param weightDevice    per-device weights
 * @param deviceReadBps   per-device read limits, bytes per second
 * @param deviceReadIops  per-device read limits, operations per second
 * @param deviceWriteBps  per-device write limits, bytes per second
 * @param deviceWriteIops per-device write limits, operations per second
 */
public record BlkioConfig(Integer weight, List<WeightDevice> weightDevice, List<ThrottleDevice> deviceReadBps,
                          List<ThrottleDevice> deviceReadIops, List<ThrottleDevice> deviceWriteBps,
                          List<ThrottleDevice> deviceWriteIops) {

    public BlkioConfig {
        weightDevice = Copies.list(weightDevice);
        deviceReadBps = Copies.list(deviceReadBps);
        deviceReadIops = Copies.list(deviceReadIops);
        deviceWriteBps = Copies.list(deviceWriteBps);
        deviceWriteIops = Copies.list(deviceWriteIops);
    }

    /**
     * @param path   the device
     * @param weight its relative weight
     */
    public record WeightDevice(String path, int weight) {
    }

    /**
     * @param path the device
     * @param rate bytes or operations per second
     */
    public record ThrottleDevice(String path, long rate) {
    }
}
