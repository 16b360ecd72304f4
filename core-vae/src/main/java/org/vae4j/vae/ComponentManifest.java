package org.vae4j.vae;

import java.util.List;

import org.vae4j.io.ComponentEntry;
import org.vae4j.io.ModelFormatException;
import org.vae4j.options.ComponentSpec;

/**
 * The model file's manifest of components (guide, prior, objective), written from a configuration and
 * checked against it when a file is loaded: a file whose components this installation lacks, or has only in
 * an older version than the file was written with, is refused naming the component.
 */
final class ComponentManifest {

    private ComponentManifest() {}

    /** The manifest of the components {@code config} names. */
    static List<ComponentEntry> of(VaeConfig config) {
        return List.of(entry(config.guide()), entry(config.prior()), entry(config.objective()));
    }

    private static ComponentEntry entry(ComponentSpec spec) {
        return new ComponentEntry(spec.kind().name(), spec.id(), spec.type().version(), spec.options().toTextMap());
    }

    /**
     * Checks a file's manifest against the configuration read from the same file (a file older than the
     * manifest has none, and its configuration alone names the components).
     *
     * @throws ModelFormatException naming the first component this installation cannot build as written
     */
    static void check(List<ComponentEntry> manifest, VaeConfig config) {
        List<ComponentEntry> configured = of(config);
        for (ComponentEntry entry : manifest) {
            ComponentEntry mine = configured.stream().filter(c -> c.kind().equals(entry.kind())).findFirst()
                    .orElseThrow(() -> new ModelFormatException("the model file names a " + entry.kind() + " '"
                            + entry.id() + "', a kind of component this vae4j does not have"));
            if (!mine.id().equals(entry.id())) {
                throw new ModelFormatException("the model file's manifest names the " + entry.kind() + " '"
                        + entry.id() + "' but its configuration the " + entry.kind() + " '" + mine.id() + "'");
            }
            if (entry.version() > mine.version()) {
                throw new ModelFormatException("the model file's " + entry.kind() + " '" + entry.id()
                        + "' is version " + entry.version() + "; this vae4j has version " + mine.version()
                        + " (upgrade vae4j or the package that provides it)");
            }
        }
    }
}
