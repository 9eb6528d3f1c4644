/**
 * The interpolation phase of loading: {@code ${VAR}} substitution in one string ({@link
 * io.jcompose.model.interpolation.Template}) and over a whole compose file's tree, with the casts of typed
 * fields written as strings ({@link io.jcompose.model.interpolation.Interpolator}). It runs per file, after
 * parsing and before merge and validation. Reference behaviour: compose-go's {@code template},
 * {@code interpolation} and {@code loader/interpolate.go}.
 */
package io.jcompose.model.interpolation;
