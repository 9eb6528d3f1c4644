package io.jcompose.agent.api.v1;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Builds the wire records through {@link Constructor#newInstance} instead of Jackson's own
 * {@code MethodHandle.invokeWithArguments}. Jackson adapts a fresh method handle for every record constructor it
 * calls, and each adaptation generates classes at run time (about 60 for the records of one {@code ps}: ~30 ms of a
 * CLI command that lives a few hundred ms, and never stored in the startup cache). Core reflection needs no
 * generated code when the launcher sets {@code -Djdk.reflect.useNativeAccessorOnly=true}; without it, it is only
 * as costly as Jackson's own way. Results and errors are Jackson's: a constructor's exception is reported as Jackson
 * reports it.
 */
final class ReflectiveCreators extends JacksonModule {

    @Override
    public String getModuleName() {
        return "jcompose-reflective-creators";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addValueInstantiators(new ValueInstantiators() {
            @Override
            public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean) {
                return null;
            }

            @Override
            public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean,
                    ValueInstantiator instantiator) {
                // Only Jackson's plain instantiator is replaced; anything more particular keeps its own behaviour.
                if (instantiator.getClass() == StdValueInstantiator.class
                        && instantiator.getWithArgsCreator() instanceof AnnotatedConstructor) {
                    return new Reflective((StdValueInstantiator) instantiator);
                }
                return instantiator;
            }
        });
    }

    private static final class Reflective extends StdValueInstantiator {
        Reflective(StdValueInstantiator base) {
            super(base);
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] args) {
            Constructor<?> constructor = ((AnnotatedConstructor) _withArgsCreator).getAnnotated();
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                return context.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(context, e.getCause()));
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                // not accessible or arguments Jackson's own call would adapt: let it
                return super.createFromObjectWith(context, args);
            }
        }
    }
}
