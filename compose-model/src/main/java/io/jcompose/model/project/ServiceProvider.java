package io.jcompose.model.project;

import java.util.List;
import java.util.Map;

/**
 * {@code services.*.provider}: a service run by an external plugin instead of as a container.
 *
 * @param type    the provider
 * @param options provider options; each may be repeated
 */
public record ServiceProvider(String type, Map<String, List<String>> options) {
    public ServiceProvider {
        options = Copies.mapOfLists(options);
    }
}
