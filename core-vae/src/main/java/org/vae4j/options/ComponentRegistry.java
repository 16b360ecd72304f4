package org.vae4j.options;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.vae4j.vae.InvalidOptionException;

/**
 * The {@link ComponentType}s a class loader provides through {@link ServiceLoader}
 * ({@code META-INF/services/org.vae4j.options.ComponentType}), looked up by kind and id.
 *
 * <p>The class loader is always explicit: inside Weka each package has its own loader, which is not the
 * thread's context loader, so {@link #standard()} searches the loader that loaded vae4j and then the
 * context loader (where a user's own components may live). A provider that cannot be loaded does not hide
 * the others; the reason is kept and reported when a lookup fails.
 */
public final class ComponentRegistry {

    private final Map<String, ComponentType> types;
    private final List<String> problems;

    private ComponentRegistry(Map<String, ComponentType> types, List<String> problems) {
        this.types = types;
        this.problems = problems;
    }

    /** The components {@code loader} provides. */
    public static ComponentRegistry of(ClassLoader loader) {
        return of(List.of(loader));
    }

    /**
     * The components of the loader that loaded vae4j, then of the current thread's context loader (when it is
     * another one); a component found by both is the first one's.
     */
    public static ComponentRegistry standard() {
        ClassLoader own = ComponentRegistry.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context == null || context == own ? Own.REGISTRY : of(List.of(own, context));
    }

    /** The components of vae4j's own loader, found once: that loader lives as long as this class does. */
    private static final class Own {
        static final ComponentRegistry REGISTRY = of(ComponentRegistry.class.getClassLoader());
    }

    private static ComponentRegistry of(List<ClassLoader> loaders) {
        Map<String, ComponentType> types = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ClassLoader loader : loaders) {
            Iterator<ComponentType> it = ServiceLoader.load(ComponentType.class, loader).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    add(types, problems, it.next());
                } catch (ServiceConfigurationError e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return new ComponentRegistry(types, List.copyOf(problems));
    }

    private static void add(Map<String, ComponentType> types, List<String> problems, ComponentType type) {
        String key = key(type.kind(), type.id());
        ComponentType earlier = types.get(key);
        if (!type.kind().type().isInstance(type)) {
            problems.add(type.getClass().getName() + " is registered as a " + type.kind() + " but is not a "
                    + type.kind().type().getSimpleName());
        } else if (earlier == null) {
            types.put(key, type);
        } else if (!earlier.getClass().getName().equals(type.getClass().getName())) {
            problems.add(type.kind() + " '" + type.id() + "' of " + type.getClass().getName()
                    + " is ignored: " + earlier.getClass().getName() + " has that id");
        }
    }

    private static String key(ComponentKind kind, String id) {
        return kind.name() + ":" + id;
    }

    /** The components of {@code kind}, by id. */
    public List<ComponentType> ofKind(ComponentKind kind) {
        return types.values().stream().filter(t -> t.kind().equals(kind))
                .sorted(Comparator.comparing(ComponentType::id)).toList();
    }

    /** The ids of the components of {@code kind}, sorted. */
    public List<String> ids(ComponentKind kind) {
        return ofKind(kind).stream().map(ComponentType::id).toList();
    }

    /**
     * The component of {@code kind} called {@code id}.
     *
     * @param option the option that names it, for the message
     * @throws InvalidOptionException naming the option, the kind and the id, with the known ids (and any
     *     provider that could not be loaded)
     */
    public ComponentType find(String option, ComponentKind kind, String id) {
        ComponentType type = types.get(key(kind, id));
        if (type == null) {
            String known = String.join(", ", ids(kind));
            throw new InvalidOptionException(option, "names an unknown " + kind + " '" + id + "' (known: "
                    + (known.isEmpty() ? "none" : known) + ")"
                    + (problems.isEmpty() ? "" : "; not loaded: " + String.join("; ", problems)), null);
        }
        return type;
    }

    /** Why providers could not be loaded, if any could not. */
    public List<String> problems() {
        return problems;
    }
}
