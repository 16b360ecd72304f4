package org.vae4j.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import ai.djl.util.Platform;
import ai.djl.util.Utils;

/**
 * Where the PyTorch native library comes from, checked before the engine starts so that a missing one
 * gives one clear message instead of a download attempt. vae4j depends on the engine but on no platform's
 * native library: the application adds the {@code pytorch-native-cpu} jar for its platform (the examples,
 * the command line and the Weka package bring the one of the platform they were built for), points
 * {@code PYTORCH_LIBRARY_PATH} at a libtorch, or lets DJL download it by allowing network access
 * ({@code -Dai.djl.offline=false} or {@code DJL_OFFLINE=false}). vae4j sets no DJL property itself: it
 * only asks DJL's own platform detection which library DJL would load.
 */
final class PyTorchNatives {

    /** Maven group and artifact of the CPU natives; the classifier names the platform. */
    static final String ARTIFACT = "ai.djl.pytorch:pytorch-native-cpu";

    /** The platforms whose natives are published to Maven Central for this PyTorch version. */
    static final Set<String> PUBLISHED = Set.of("linux-x86_64", "osx-aarch64", "win-x86_64");

    private PyTorchNatives() {}

    /**
     * Checks that DJL will find a PyTorch library for this machine without downloading one, or that the
     * user allowed the download. Call with the thread's context class loader set to the one DJL searches.
     *
     * @throws IllegalStateException saying which artifact to add for this platform
     */
    static void requireAvailable() {
        if (Utils.getEnvOrSystemProperty("PYTORCH_LIBRARY_PATH") != null || downloadAllowed()) {
            return;
        }
        Platform platform = Platform.detectPlatform("pytorch");
        if (!platform.isPlaceholder() || inCache(platform)) {
            return;
        }
        throw new IllegalStateException(missingMessage(platform.getClassifier(), platform.getVersion()));
    }

    /** Whether the user switched DJL's offline mode off explicitly: then DJL may download the natives. */
    private static boolean downloadAllowed() {
        String mode = Utils.getenv("DJL_OFFLINE", System.getProperty("ai.djl.offline"));
        return mode != null && !Boolean.parseBoolean(mode);
    }

    /** Whether an earlier download left the library in DJL's cache, where DJL looks before downloading. */
    private static boolean inCache(Platform platform) {
        Path cache = Utils.getEngineCacheDir("pytorch");
        String library = System.mapLibraryName("torch");
        for (String flavor : new String[] {platform.getFlavor(), platform.getFlavor() + "-precxx11"}) {
            Path folder = cache.resolve(platform.getVersion() + '-' + flavor + '-' + platform.getClassifier());
            if (Files.isRegularFile(folder.resolve(library))) {
                return true;
            }
        }
        return false;
    }

    /** The message for a machine without natives: which artifact to add, and the other two ways. */
    static String missingMessage(String classifier, String version) {
        String add = PUBLISHED.contains(classifier)
                ? "add " + ARTIFACT + ":" + version + " with classifier " + classifier + " to the class path "
                        + "(Maven: <artifactId>pytorch-native-cpu</artifactId><version>" + version
                        + "</version><classifier>" + classifier + "</classifier>, scope runtime), "
                : "no " + ARTIFACT + " jar is published for " + classifier + ": ";
        return "vae4j found no PyTorch " + version + " native library for " + classifier + ": " + add
                + "or let DJL download it with -Dai.djl.offline=false (needs network access), or point "
                + "PYTORCH_LIBRARY_PATH at a libtorch " + version + " folder";
    }
}
