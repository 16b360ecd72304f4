package org.vae4j.options;

import java.util.List;

/**
 * A kind of component that can be chosen by id and configured with its own options: a guide, a prior, an
 * objective. Implementations are found by {@link ComponentRegistry} through {@link java.util.ServiceLoader}, so
 * that adding one takes a class with a public no-argument constructor and one line naming it in
 * {@code META-INF/services/org.vae4j.options.ComponentType}; the command line, Weka and Tribuo then offer it
 * and its options without any change of theirs.
 */
public interface ComponentType {

    /** The family this component belongs to. */
    ComponentKind kind();

    /** Its id within the kind, as users write it ({@code iwae}); lower case, without {@code :}, {@code ,} or {@code =}. */
    String id();

    /** The version of its options and stored state, recorded with models that use it. */
    int version();

    /** One line saying what it is. */
    String summary();

    /** Its options (empty for none), each described once. */
    List<OptionDescription> options();
}
