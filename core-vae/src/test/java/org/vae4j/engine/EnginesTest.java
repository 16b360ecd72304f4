package org.vae4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine starts as a guest: offline from the native jar on the class path without any JVM-wide
 * property, and without that jar it stops with one message naming the artifact for this platform instead
 * of reaching for the network.
 */
class EnginesTest {

    @TempDir
    Path emptyCache;

    @Test
    void startsOfflineFromTheClassPathAndSetsNoJvmWideProperty() throws Exception {
        // A fresh JVM without -Dai.djl.offline: the jar on the class path must be enough, and nothing is set.
        String output = probe(testClassPath(), "start");
        assertTrue(output.contains("started offline=null interop=null"), output);
    }

    @Test
    void withoutTheNativeJarSaysWhichArtifactToAdd() throws Exception {
        String withoutNatives = Stream.of(testClassPath().split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("pytorch-native-"))
                .collect(Collectors.joining(File.pathSeparator));
        String output = probe(withoutNatives, "start");
        String platform = NativeKernels.platform();
        assertTrue(output.contains("error vae4j found no PyTorch 2.5.1 native library for " + platform), output);
        if (PyTorchNatives.PUBLISHED.contains(platform)) {
            assertTrue(output.contains("add ai.djl.pytorch:pytorch-native-cpu:2.5.1 with classifier " + platform),
                    output);
        }
        assertTrue(output.contains("-Dai.djl.offline=false"), output);
    }

    @Test
    void theMessageForAPlatformWithoutAPublishedJarPointsToTheOtherWays() {
        String message = PyTorchNatives.missingMessage("linux-aarch64", "2.5.1");
        assertTrue(message.contains("no ai.djl.pytorch:pytorch-native-cpu jar is published for linux-aarch64"),
                message);
        assertTrue(message.contains("PYTORCH_LIBRARY_PATH"), message);
    }

    static String testClassPath() {
        return System.getProperty("java.class.path");
    }

    /** Runs {@link EngineProbe} in a fresh JVM with an empty DJL cache; returns its output. */
    String probe(String classPath, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, EngineProbe.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DJL_CACHE_DIR", emptyCache.toString());
        builder.environment().put("ENGINE_CACHE_DIR", emptyCache.toString());
        builder.environment().remove("PYTORCH_LIBRARY_PATH");
        builder.environment().remove("DJL_OFFLINE");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "timed out: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
