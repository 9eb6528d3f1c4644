package io.jcompose.model.project;

import java.util.List;
import java.util.Map;

/**
 * A request for devices by capability or driver ({@code services.*.gpus[]},
 * {@code deploy.resources.reservations.devices[]}).
 *
 * @param capabilities required capabilities ({@code gpu}, {@code compute}...)
 * @param driver       the device driver ({@code nvidia}...), or null
 * @param count        how many devices; {@link #ALL} for every device; null when unset
 * @param deviceIds    specific device ids
 * @param options      driver options
 */
public record DeviceRequest(List<String> capabilities, String driver, Long count, List<String> deviceIds,
                            Map<String, String> options) {

    /** The {@code count} that {@code all} stands for. */
    public static final long ALL = -1;

    public DeviceRequest {
        capabilities = Copies.list(capabilities);
        deviceIds = Copies.list(deviceIds);
        options = Copies.map(options);
    }
}
