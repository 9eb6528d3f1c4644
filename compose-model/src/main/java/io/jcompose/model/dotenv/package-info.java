/**
 * Env files: the project's {@code .env} and {@code --env-file} files that feed interpolation, and the
 * {@code env_file:} files of services, in compose's dotenv syntax or {@code format: raw}. Parsing only;
 * finding and reading the files, and their precedence against the shell, belong to the loader.
 * Reference behaviour: compose-go's {@code dotenv} package and docker/cli's {@code pkg/kvfile}.
 */
package io.jcompose.model.dotenv;
