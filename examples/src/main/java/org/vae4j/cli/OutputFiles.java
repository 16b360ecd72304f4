package org.vae4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.vae4j.io.AtomicFile;
import org.vae4j.io.FileWriteException;

/**
 * The files a command reads and writes, checked before it does any long work: no output is one of the
 * command's inputs or another of its outputs (after following links), and every output can be created. A
 * run is then not lost to an output discovered to be unwritable only after training, and an input is
 * never overwritten by a mistyped option. A device or a pipe is refused as an output: it would be replaced by a
 * plain file.
 */
final class OutputFiles {

    /**
     * A file, the option that names it ({@code dir} for a file inside an option's folder), and what it is
     * called when an output would replace it.
     */
    private record Named(String option, Path file, Path dir, String what) {
        Named(String option, Path file, Path dir) {
            this(option, file, dir, "the " + option + " file");
        }

        String describe() {
            return dir == null ? option + " " + file : option + " " + dir;
        }
    }

    private final List<Named> inputs = new ArrayList<>();
    private final List<Named> outputs = new ArrayList<>();

    /** An input file named by {@code option}. */
    OutputFiles input(String option, Path file) {
        inputs.add(new Named(option, file, null));
        return this;
    }

    /**
     * The input files read through {@code option}: first the file it names, then those read alongside that
     * one (such as the labels beside IDX images).
     */
    OutputFiles inputs(String option, List<Path> files) {
        input(option, files.get(0));
        for (Path file : files.subList(1, files.size())) {
            inputs.add(new Named(option, file, null, "a file read with " + option));
        }
        return this;
    }

    /** An output file named by {@code option}; ignored when null (an option not given). */
    OutputFiles output(String option, Path file) {
        if (file != null) {
            outputs.add(new Named(option, file, null));
        }
        return this;
    }

    /**
     * An output file named by {@code option} that {@code command} writes as CSV only; ignored when null.
     *
     * @throws CliException for an ARFF name, which would hold CSV
     */
    OutputFiles csvOutput(String option, Path file, String command) {
        if (file != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".arff")) {
            throw new CliException(option + " " + file + ": " + command + " writes CSV only; give a .csv name");
        }
        return output(option, file);
    }

    /** Output files of these names in the folder named by {@code option}; ignored when the folder is null. */
    OutputFiles outputsIn(String option, Path dir, List<String> names) {
        if (dir != null) {
            for (String name : names) {
                outputs.add(new Named(option, dir.resolve(name), dir));
            }
        }
        return this;
    }

    /**
     * Checks every output.
     *
     * @throws CliException when an output is an input or another output
     * @throws org.vae4j.io.FileWriteException naming an output that cannot be written, and why
     */
    void check() throws IOException {
        for (int i = 0; i < outputs.size(); i++) {
            Named output = outputs.get(i);
            for (Named input : inputs) {
                if (same(output.file(), input.file())) {
                    throw new CliException(clash(output, input, false)
                            + "; vae4j never overwrites its input, choose another output");
                }
            }
            for (Named other : outputs.subList(0, i)) {
                if (same(output.file(), other.file())) {
                    throw new CliException(clash(output, other, true)
                            + "; give each output its own file");
                }
            }
        }
        for (Named output : outputs) {
            refuseSpecialFile(output.file());
            AtomicFile.checkWritable(output.file());
        }
    }

    /**
     * Refuses a device or a pipe (such as {@code /dev/null}): an output is written to a temporary file that is
     * then renamed over it, which would put a plain file in its place.
     */
    private static void refuseSpecialFile(Path file) throws FileWriteException {
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            throw new FileWriteException(file, new IOException("it is not a regular file (a device or a pipe?); "
                    + "vae4j writes a whole new file in its place, so give the name of a file"));
        }
    }

    private static String clash(Named output, Named other, boolean bothOutputs) {
        if (output.dir() == null) {
            return output.describe() + " is " + (bothOutputs ? "also " : "") + other.what();
        }
        return output.describe() + " would replace " + other.what() + " " + output.file();
    }

    /** Whether two paths name the same file, through links and relative paths, existing or not. */
    private static boolean same(Path a, Path b) throws IOException {
        if (Files.exists(a) && Files.exists(b)) {
            return Files.isSameFile(a, b);
        }
        return identity(a).equals(identity(b));
    }

    private static Path identity(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return absolute.toRealPath();
        }
        Path parent = absolute.getParent();
        return parent != null && Files.isDirectory(parent) ? parent.toRealPath().resolve(absolute.getFileName())
                : absolute;
    }
}
