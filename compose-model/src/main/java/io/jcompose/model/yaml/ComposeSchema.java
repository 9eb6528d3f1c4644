package io.jcompose.model.yaml;

import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** The core schema with Go-compatible integers; see {@link ComposeScalarResolver}. */
final class ComposeSchema extends CoreSchema {
    private final ScalarResolver resolver = new ComposeScalarResolver();

    @Override
    public ScalarResolver getScalarResolver() {
        return resolver;
    }
}
