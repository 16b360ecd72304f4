# Sourced by vae4j's launcher and benchmark: the process settings that training speed and flat memory need.
#
# glibc's malloc hands the large (> 128 KiB) blocks that every training step allocates and frees straight
# back to the kernel, so each step page-faults its tensors in again; on the reference workload that costs
# about 4x in speed (measured: 3,700 vs 14,000 samples/s). Keeping freed blocks in the process fixes it.
# These only take effect for a process started after they are set: set them the same way before starting
# Weka or your own application.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-268435456}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-536870912}"
# One malloc arena. Java's main thread is not the process's first thread, so by default it allocates from
# a per-thread arena made of 64 MiB heaps, and glibc unmaps such a heap as soon as it is empty, whatever
# the thresholds above say. When a step's large temporaries (a 784 x 400 weight gradient is 1.2 MiB) are
# the only blocks in their heap, every step unmaps and page-faults them again: measured here, that 784 x
# 128 x 400 product took 2.7 ms instead of 0.49 ms (1.7 million page faults in a 2-second microbenchmark
# against 28 thousand), and whether a process hit it varied from run to run. The main arena has no such
# heaps; vae4j's work comes from one or two threads, so sharing one arena costs nothing measurable.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}"

# JVM options for a process whose heavy work is native (measured on 2 cores, reference workload):
# - The engine's two OpenMP threads need both cores at every matrix product; any JVM thread that wakes up
#   stalls one of them, and the other waits at the barrier. C2's background compilation of the step's code
#   (about 1.4 s of CPU in the first epochs) made epoch 1 about 25% slower than epoch 3; compiling with C1
#   only (-XX:TieredStopAtLevel=1) removes most of that, at no measurable cost to later epochs, because
#   the Java side of a step is a few percent of it.
# - Code that runs once per step (the step, the objective, the guide) is only compiled after some hundred
#   calls; until then the interpreter ran it, and the first 200 steps took 8.4 ms instead of 6 ms.
#   -XX:CompileThresholdScaling=0.05 compiles them after about 10 calls instead of 200 (C1 compiles fast).
# - G1's background threads compete the same way, and G1 keeps touching fresh heap regions, so resident
#   memory rose 60% from epoch 2 to epoch 20 (no native leak: the live tensors stay constant). The serial
#   collector with a small fixed young generation reuses the same 16 MiB: the process's resident size
#   stays flat, and a young collection (about 40 in 20 epochs) takes under a millisecond.
# Set VAE4J_JVM_OPTS to replace them; JAVA_OPTS adds to them.
export VAE4J_JVM_OPTS="${VAE4J_JVM_OPTS--XX:+UseSerialGC -Xmn16m -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.05}"
