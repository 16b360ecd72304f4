package org.vae4j.vae.components;

import java.util.List;

import org.vae4j.options.ComponentKind;
import org.vae4j.options.ComponentType;
import org.vae4j.options.OptionDescription;

/** A {@link ComponentType} whose identity and options are fixed when it is made: what most components need. */
public abstract class BaseComponentType implements ComponentType {

    private final ComponentKind kind;
    private final String id;
    private final int version;
    private final String summary;
    private final List<OptionDescription> options;

    /** A component of {@code kind} called {@code id}, with the given version, summary and options. */
    protected BaseComponentType(ComponentKind kind, String id, int version, String summary,
            OptionDescription... options) {
        this.kind = kind;
        this.id = id;
        this.version = version;
        this.summary = summary;
        this.options = List.of(options);
    }

    @Override
    public final ComponentKind kind() {
        return kind;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final int version() {
        return version;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final List<OptionDescription> options() {
        return options;
    }

    @Override
    public String toString() {
        return kind + " " + id;
    }
}
