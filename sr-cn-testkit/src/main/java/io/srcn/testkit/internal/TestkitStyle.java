package io.srcn.testkit.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the testkit (the SDK's style is internal to the SDK): generated
 * {@code ImmutableX} classes stay package-private and never appear in public signatures, and only
 * JDK collections are used. A missing mandatory attribute raises Immutables' default {@code
 * IllegalStateException}: testkit values describe test fixtures, not user specs.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    optionalAcceptNullable = true,
    defaults = @Value.Immutable(copy = true))
public @interface TestkitStyle {}
