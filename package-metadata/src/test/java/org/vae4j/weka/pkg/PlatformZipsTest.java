package org.vae4j.weka.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each platform's package zip, checked the way the machines it is for would check it, without those
 * machines: with the zip's jars on the class path and the JVM posing as each platform, Weka's package
 * manager must offer the zip on its own platform only, and DJL's platform detection must find a complete
 * PyTorch library (every file its properties list, and the JNI library) for its own platform and none for
 * the others.
 */
class PlatformZipsTest {

    /** Classifier to the os.name and os.arch a JVM reports there. */
    private static final Map<String, String> PLATFORMS = Map.of(
            "linux-x86_64", "Linux=amd64",
            "win-x86_64", "Windows 11=amd64",
            "osx-aarch64", "Mac OS X=aarch64");

    @TempDir
    Path unpacked;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linux-x86_64", "win-x86_64", "osx-aarch64"})
    void theZipServesItsPlatformAndNoOther(String classifier) throws Exception {
        assumeTrue(List.of(System.getProperty("vae4j.package.cpuPlatforms", "").split(",")).contains(classifier),
                "this build (cuda?) made no CPU zip for " + classifier);
        Path zip = Path.of(System.getProperty("vae4j.package.zips"),
                System.getProperty("vae4j.package.name") + "-" + classifier + ".zip");
        assertTrue(Files.isRegularFile(zip), "no package zip for " + classifier + ": " + zip);
        List<String> jars = unpackJars(zip);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, jars) + File.pathSeparator
                        + InstalledPackageTest.wekaOnlyClassPath(),
                PlatformProbe.class.getName(), zip.toString()));
        PLATFORMS.forEach((name, system) -> command.add(name + "=" + system));
        String output = run(command);

        for (String platform : PLATFORMS.keySet()) {
            String expected = platform.equals(classifier)
                    ? "platform " + platform + " offered=true natives=cpu-" + platform + " missing=[]"
                    : "platform " + platform + " offered=false natives=none missing=[]";
            assertTrue(output.lines().anyMatch(expected::equals), "expected '" + expected + "' in:\n" + output);
        }
    }

    /** Unpacks the zip's jars (root and lib/); returns their paths. */
    private List<String> unpackJars(Path zip) throws IOException {
        List<String> jars = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".jar")) {
                    Path target = unpacked.resolve(Path.of(entry.getName()).getFileName().toString());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                    jars.add(target.toString());
                }
            }
        }
        return jars;
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WEKA_HOME", unpacked.resolve("wekahome").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "timed out: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
