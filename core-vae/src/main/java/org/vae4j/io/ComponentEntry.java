package org.vae4j.io;

import java.util.Map;

/**
 * One component of a saved model as the model file's manifest records it: which kind of part it is
 * (guide, prior, objective, ...), the identifier its implementation is registered under, the version of
 * that implementation's parameter layout, and the options it was built with. Loading finds the
 * implementation by kind and identifier, so a file naming one this installation lacks fails with its name.
 *
 * @param kind the kind of component, such as {@code guide}
 * @param id the registered identifier, such as {@code iaf}
 * @param version the version of the component's parameter layout
 * @param options the component's options as text
 */
public record ComponentEntry(String kind, String id, int version, Map<String, String> options) {

    /** Copies the options. */
    public ComponentEntry {
        options = Map.copyOf(options);
    }
}
