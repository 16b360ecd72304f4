package org.vae4j.weka.pkg;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import ai.djl.util.Platform;

import weka.core.WekaPackageManager;
import weka.core.packageManagement.Package;

/**
 * Runs with one package zip's jars on the class path and, for each platform given as
 * {@code classifier=os.name=os.arch}, poses as that platform (the system properties that DJL's and Weka's
 * platform checks read) and prints one line: whether Weka offers the zip there, which PyTorch library DJL's
 * platform detection picks from the class path, and which of that library's files are missing.
 */
final class PlatformProbe {

    private PlatformProbe() {}

    /** @param args the package zip, then one {@code classifier=os.name=os.arch} per platform */
    public static void main(String[] args) throws Exception {
        Package pkg = WekaPackageManager.getPackageArchiveInfo(args[0]);
        for (int i = 1; i < args.length; i++) {
            String[] platform = args[i].split("=");
            System.setProperty("os.name", platform[1]);
            System.setProperty("os.arch", platform[2]);
            boolean offered = WekaPackageManager.osAndArchCheck(pkg);
            Platform found = Platform.detectPlatform("pytorch");
            String detected = found.isPlaceholder() ? "none" : found.getFlavor() + "-" + found.getClassifier();
            System.out.println("platform " + platform[0] + " offered=" + offered + " natives=" + detected
                    + " missing=" + (found.isPlaceholder() ? List.of() : missingFiles(found)));
        }
    }

    /** The library files the platform's properties list, and the JNI library, that the class path lacks. */
    private static List<String> missingFiles(Platform platform) {
        List<String> wanted = new ArrayList<>();
        for (String library : platform.getLibraries()) {
            wanted.add("pytorch/" + platform.getFlavor() + "/" + platform.getClassifier() + "/" + library);
        }
        String jni = switch (platform.getOsPrefix()) {
            case "win" -> "djl_torch.dll";
            case "osx" -> "libdjl_torch.dylib";
            default -> "libdjl_torch.so";
        };
        wanted.add("jnilib/" + platform.getClassifier() + "/" + platform.getFlavor() + "/" + jni);
        List<String> missing = new ArrayList<>();
        for (String resource : wanted) {
            URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
            if (url == null) {
                missing.add(resource);
            }
        }
        return missing;
    }
}
