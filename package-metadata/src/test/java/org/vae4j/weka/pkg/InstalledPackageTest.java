package org.vae4j.weka.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the built package zip offline into an empty WEKA_HOME with Weka's own package manager, then
 * loads it in a JVM whose class path holds only Weka, where the filter, the generator and the neural-process
 * classifier must be found by Weka's class discovery and run from the package's class loader.
 */
class InstalledPackageTest {

    @TempDir
    Path wekaHome;

    @Test
    void theZipInstallsOfflineAndItsClassesAreDiscoveredAndRun() throws Exception {
        Path zip = Path.of(System.getProperty("vae4j.package.zip"));
        assertTrue(Files.isRegularFile(zip), "build the package first: " + zip);

        String install = run("weka.core.WekaPackageManager", "-offline", "-install-package", zip.toString());
        Path installed = wekaHome.resolve("packages").resolve("vae4j");
        assertTrue(Files.isRegularFile(installed.resolve("Description.props")), install);
        try (Stream<Path> lib = Files.list(installed.resolve("lib"))) {
            List<String> jars = lib.map(p -> p.getFileName().toString()).toList();
            assertTrue(jars.stream().anyMatch(j -> j.startsWith("pytorch-native-")), jars.toString());
            assertTrue(jars.stream().noneMatch(j -> j.startsWith("weka")), jars.toString());
        }

        Path iris = Path.of(getClass().getResource("/iris.arff").toURI());
        List<String> lines = run("weka.gui.InstalledPackageDriver", iris.toString()).lines().toList();
        assertEquals("filters-listed true", find(lines, "filters-listed"));
        assertEquals("generators-listed true", find(lines, "generators-listed"));
        assertEquals("components-listed true", find(lines, "components-listed"));
        assertEquals("classifiers-listed true", find(lines, "classifiers-listed"));
        assertEquals("objective true", find(lines, "objective"));
        assertTrue(find(lines, "loader").contains("WekaPackageLibIsolatingClassLoader"), lines.toString());
        assertEquals("filtered 150 [z1, z2, class]", find(lines, "filtered"));
        assertEquals("generated 12 5", find(lines, "generated"));
        assertEquals("classified true", find(lines, "classified"));
    }

    private static String find(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + " ")).findFirst().orElse("(no " + key + " line in "
                + lines + ")");
    }

    /** Runs a main class in a fresh JVM with only Weka (and the driver) on the class path. */
    private String run(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Djava.awt.headless=true", "-cp", wekaOnlyClassPath(), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WEKA_HOME", wekaHome.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "timed out: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    /** This JVM's class path less vae4j, DJL and their dependencies: Weka, its dependencies and the test classes. */
    static String wekaOnlyClassPath() {
        List<String> excluded = List.of("/org/vae4j/", "/ai/djl/", "/org/junit/", "/org/opentest4j/",
                "/org/apiguardian/", "/org/slf4j/", "/net/java/dev/jna/", "/com/google/code/gson/", "surefire");
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> excluded.stream().noneMatch(entry.replace('\\', '/')::contains))
                .filter(entry -> !isVae4j(Path.of(entry)))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** A vae4j jar, or a reactor build's classes folder of vae4j (the package must bring those itself). */
    private static boolean isVae4j(Path entry) {
        return entry.getFileName().toString().startsWith("vae4j-")
                || Files.isDirectory(entry.resolve("org/vae4j/vae"))
                || Files.isRegularFile(entry.resolve("org/vae4j/weka/VaeSettings.class"));
    }
}
