package org.vae4j.options;

import java.util.Objects;

/**
 * A family of interchangeable components, such as guides, priors or objectives: an option of this kind
 * chooses one of the {@link ComponentType}s registered for it by id.
 *
 * @param name the kind's name, as in messages ("unknown objective 'x'") and the Java type's role
 * @param type the Java type a component of this kind implements (checked when it is looked up)
 */
public record ComponentKind(String name, Class<? extends ComponentType> type) {

    /** A kind named {@code name} whose components implement {@code type}. */
    public ComponentKind {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return name;
    }
}
