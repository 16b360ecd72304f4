/*
 * vae4j's native kernels: element-wise loops that DJL can only express as several engine calls, each a
 * full pass over memory. They work in place on the storage of CPU tensors, reached through the direct
 * byte buffers DJL hands out for contiguous arrays (NDArray.toByteBuffer(true)).
 *
 * Every operation is written in the order the engine-call fallback performs it and compiled without
 * floating-point contraction (-ffp-contract=off), so both paths agree to float rounding; they differ
 * only in the square root, which sqrtf rounds correctly and the engine's vectorised one not always.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <jni.h>
#include <link.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "org_vae4j_engine_NativeKernels.h"

/* One Adam step with rescaled moments (see org.vae4j.infer.Adam): M = b1 M + g, V = b2 V + g^2,
 * w -= (M / (sqrt(V) + eps')) * scale, and g = 0 for the next backward pass. One pass instead of eleven. */
__attribute__((target_clones("avx512f", "avx2", "default")))
static void adam_update(float *restrict weight, float *restrict gradient, float *restrict mean,
                        float *restrict variance, size_t count, float beta1, float beta2,
                        float shifted_epsilon, float step_scale) {
    for (size_t i = 0; i < count; i++) {
        float g = gradient[i];
        float m = mean[i] * beta1 + g;
        float v = variance[i] * beta2 + g * g;
        mean[i] = m;
        variance[i] = v;
        weight[i] -= (m / (sqrtf(v) + shifted_epsilon)) * step_scale;
        gradient[i] = 0.0f;
    }
}

/*
 * The engine's OpenMP threads. Between its parallel regions PyTorch's worker threads spin, waiting for
 * the next one; a loop of ours that runs on the calling thread alone leaves them idle and reads the half
 * of each gradient they wrote from their caches. So the kernels run as parallel regions of the same
 * OpenMP runtime: the libgomp that libtorch loaded, found by name among the process's loaded objects.
 * Without it (another OpenMP runtime, say) they run on the calling thread; results are the same either
 * way, as every element is computed on its own.
 */
typedef void (*gomp_parallel_fn)(void (*)(void *), void *, unsigned, unsigned);
typedef int (*omp_int_fn)(void);

static gomp_parallel_fn gomp_parallel;
static omp_int_fn omp_thread_num;
static omp_int_fn omp_num_threads;
static omp_int_fn omp_max_threads;
static int pool_searched;

static int find_libgomp(struct dl_phdr_info *info, size_t size, void *found) {
    (void) size;
    const char *slash = strrchr(info->dlpi_name, '/');
    const char *name = slash ? slash + 1 : info->dlpi_name;
    if (strncmp(name, "libgomp", 7) != 0) {
        return 0;
    }
    void *handle = dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD);
    if (handle == NULL) {
        return 0;
    }
    gomp_parallel = (gomp_parallel_fn) dlsym(handle, "GOMP_parallel");
    omp_thread_num = (omp_int_fn) dlsym(handle, "omp_get_thread_num");
    omp_num_threads = (omp_int_fn) dlsym(handle, "omp_get_num_threads");
    omp_max_threads = (omp_int_fn) dlsym(handle, "omp_get_max_threads");
    *(int *) found = gomp_parallel && omp_thread_num && omp_num_threads && omp_max_threads;
    return *(int *) found;
}

/* The engine's thread count, or 1 when its OpenMP runtime is not found. */
static int pool_threads(void) {
    if (!__atomic_load_n(&pool_searched, __ATOMIC_ACQUIRE)) {
        int found = 0;
        dl_iterate_phdr(find_libgomp, &found);
        if (!found) {
            gomp_parallel = NULL;
        }
        __atomic_store_n(&pool_searched, 1, __ATOMIC_RELEASE);
    }
    return gomp_parallel ? omp_max_threads() : 1;
}

/* Below this many elements a parallel region costs more than it saves. */
#define PARALLEL_MIN 65536

struct adam_task {
    float *weight, *gradient, *mean, *variance;
    size_t count;
    float beta1, beta2, shifted_epsilon, step_scale;
};

static void adam_range(const struct adam_task *t, size_t from, size_t to) {
    adam_update(t->weight + from, t->gradient + from, t->mean + from, t->variance + from, to - from,
                t->beta1, t->beta2, t->shifted_epsilon, t->step_scale);
}

/* One thread's share: contiguous, in whole cache lines (16 floats), in thread order like ATen's. */
static void adam_share(void *data) {
    const struct adam_task *t = data;
    size_t threads = (size_t) omp_num_threads();
    size_t id = (size_t) omp_thread_num();
    size_t lines = (t->count + 15) / 16;
    size_t from = lines * id / threads * 16;
    size_t to = lines * (id + 1) / threads * 16;
    if (to > t->count) {
        to = t->count;
    }
    if (from < to) {
        adam_range(t, from, to);
    }
}

JNIEXPORT void JNICALL Java_org_vae4j_engine_NativeKernels_adamUpdateNative(
        JNIEnv *env, jclass cls, jobject weight, jobject gradient, jobject mean, jobject variance,
        jlong count, jfloat beta1, jfloat beta2, jfloat shifted_epsilon, jfloat step_scale) {
    (void) cls;
    struct adam_task task = {
        (float *) (*env)->GetDirectBufferAddress(env, weight),
        (float *) (*env)->GetDirectBufferAddress(env, gradient),
        (float *) (*env)->GetDirectBufferAddress(env, mean),
        (float *) (*env)->GetDirectBufferAddress(env, variance),
        (size_t) count, beta1, beta2, shifted_epsilon, step_scale,
    };
    int threads = pool_threads();
    if (threads > 1 && task.count >= PARALLEL_MIN) {
        gomp_parallel(adam_share, &task, (unsigned) threads, 0);
    } else {
        adam_range(&task, 0, task.count);
    }
}
