package io.srcn.sdk.internal;

import io.srcn.sdk.InvalidSpecException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the SDK: generated {@code ImmutableX} classes stay package-private
 * and never appear in public signatures (the public abstract type offers its own fluent methods),
 * only JDK collections are used, and a missing mandatory attribute raises {@link
 * InvalidSpecException}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    optionalAcceptNullable = true,
    defaults = @Value.Immutable(copy = true),
    throwForInvalidImmutableState = InvalidSpecException.class)
public @interface SdkStyle {}
