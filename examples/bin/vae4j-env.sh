# Sourced by vae4j's launcher and benchmark. glibc's malloc hands the large (> 128 KiB) blocks that every
# training step allocates and frees straight back to the kernel, so each step page-faults its tensors in
# again; on the reference workload that costs about 4x in speed (measured: 3,700 vs 14,000 samples/s).
# Keeping freed blocks in the process fixes it. They only take effect for a JVM started after they are set;
# set them the same way before starting Weka or your own application.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-268435456}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-536870912}"
