package org.vae4j.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.vae.InvalidOptionException;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.components.BaseComponentType;
import org.vae4j.vae.components.ComponentKinds;

/**
 * Components are found through {@link java.util.ServiceLoader} in the class loader they live in, as a Weka
 * package's or a user's components do: here a prior compiled during the test into a directory that only a
 * separate {@link URLClassLoader} sees.
 */
class ComponentDiscoveryTest {

    private static final String SOURCE = """
            package discovered;
            public final class TestMixturePrior extends org.vae4j.vae.components.BaseComponentType
                    implements org.vae4j.vae.components.PriorType {
                public TestMixturePrior() {
                    super(org.vae4j.vae.components.ComponentKinds.PRIOR, "test-mixture", 1, "a test prior",
                            org.vae4j.options.OptionDescription.ofInt("K", 3,
                                    org.vae4j.options.Constraint.atLeast(1), "Mixture components."));
                }
                public long parameters(org.vae4j.options.OptionValues options,
                        org.vae4j.vae.components.NetworkWidths widths) {
                    return options.intValue("K") * (2L * widths.latentDim() + 1);
                }
                public org.vae4j.infer.Prior create(org.vae4j.options.OptionValues options,
                        org.vae4j.infer.Guide guide, org.vae4j.vae.components.NetworkWidths widths,
                        ai.djl.ndarray.NDManager manager, java.util.Random random) {
                    return new org.vae4j.infer.MixtureOfGaussiansPrior(widths.latentDim(), options.intValue("K"), 1,
                            manager, random);
                }
            }
            """;

    private static String codeSource(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** A directory holding the compiled component and its service line (and a line naming a missing class). */
    private static URL componentDirectory(Path dir) throws Exception {
        Path source = dir.resolve("src/discovered/TestMixturePrior.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String classPath = codeSource(BaseComponentType.class) + java.io.File.pathSeparator
                + codeSource(ai.djl.ndarray.NDManager.class);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-cp", classPath, "-d", classes.toString(), source.toString()));
        Path services = classes.resolve("META-INF/services/" + ComponentType.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, "discovered.TestMixturePrior\ndiscovered.Missing\n");
        return classes.toUri().toURL();
    }

    @Test
    void aComponentInAnotherLoaderIsFoundThroughThatLoaderOnly(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {componentDirectory(dir)},
                ComponentDiscoveryTest.class.getClassLoader())) {
            ComponentRegistry own = ComponentRegistry.of(ComponentDiscoveryTest.class.getClassLoader());
            InvalidOptionException unknown = assertThrows(InvalidOptionException.class,
                    () -> own.find("prior", ComponentKinds.PRIOR, "test-mixture"));
            assertTrue(unknown.getMessage().contains("unknown prior 'test-mixture' (known: mog, normal, vamp)"),
                    unknown.getMessage());

            ComponentRegistry registry = ComponentRegistry.of(loader);
            ComponentType found = registry.find("prior", ComponentKinds.PRIOR, "test-mixture");
            assertEquals(loader, found.getClass().getClassLoader());
            assertEquals("K", found.options().get(0).name());
            assertEquals(List.of("mog", "normal", "test-mixture", "vamp"), registry.ids(ComponentKinds.PRIOR));
            // The broken line does not hide the good one, and is reported when a lookup fails.
            assertTrue(registry.problems().toString().contains("discovered.Missing"), registry.problems().toString());
            InvalidOptionException missing = assertThrows(InvalidOptionException.class,
                    () -> registry.find("prior", ComponentKinds.PRIOR, "exemplar"));
            assertTrue(missing.getMessage().contains("discovered.Missing"), missing.getMessage());
        }
    }

    @Test
    void theStandardRegistryAlsoSearchesTheContextLoader(@TempDir Path dir) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {componentDirectory(dir)},
                ComponentDiscoveryTest.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            VaeConfig config = VaeConfig.builder().prior("test-mixture:K=500").build();
            assertEquals("test-mixture:K=500", config.prior().toString());
            InvalidOptionException bad = assertThrows(InvalidOptionException.class,
                    () -> VaeConfig.builder().prior("test-mixture:K=0"));
            assertTrue(bad.getMessage().contains("'test-mixture': its option K must be >= 1"), bad.getMessage());
        } finally {
            thread.setContextClassLoader(saved);
        }
        assertThrows(InvalidOptionException.class, () -> VaeConfig.builder().prior("test-mixture"));
    }
}
