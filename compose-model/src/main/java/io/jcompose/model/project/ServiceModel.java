package io.jcompose.model.project;

/**
 * How a service uses a top-level model ({@code services.*.models.<name>}).
 *
 * @param endpointVar the variable that receives the model's endpoint, or null
 * @param modelVar    the variable that receives the model's name, or null
 */
public record ServiceModel(String endpointVar, String modelVar) {
}
