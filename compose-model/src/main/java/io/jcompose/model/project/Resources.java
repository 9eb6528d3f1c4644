package io.jcompose.model.project;

/**
 * {@code deploy.resources}.
 *
 * @param limits       hard limits, or null
 * @param reservations guaranteed minimums and device reservations, or null
 */
public record Resources(ResourceLimit limits, ResourceLimit reservations) {
}
