/*
 * vae4j's native kernels (see org.vae4j.engine.NativeKernels): loops that DJL can only express as several
 * engine calls, each a full pass over memory: Adam's update, the gather of a mini-batch's rows, a fully
 * connected layer that skips zero inputs, and a range check. They work on the storage of CPU tensors,
 * reached through the direct byte buffers DJL hands out for contiguous arrays (NDArray.toByteBuffer(true)),
 * and the parallel ones run on the engine's own OpenMP threads.
 *
 * Adam's update is written in the order the engine-call fallback performs it and compiled without
 * floating-point contraction (-ffp-contract=off), so both paths agree to float rounding; they differ
 * only in the square root, which sqrtf rounds correctly and the engine's vectorised one not always.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <immintrin.h>
#include <jni.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "org_vae4j_engine_NativeKernels.h"

/*
 * Built for a glibc 2.17 baseline (build.sh checks the imported symbol versions): since glibc 2.34 the
 * default dlopen and dlsym are versioned GLIBC_2.34, so bind the original versions, which every glibc on
 * x86-64 still exports (from libdl.so.2 before 2.34, from libc.so.6 since).
 */
#if defined(__x86_64__) && defined(__GLIBC__)
__asm__(".symver dlopen,dlopen@GLIBC_2.2.5");
__asm__(".symver dlsym,dlsym@GLIBC_2.2.5");
__asm__(".symver dladdr,dladdr@GLIBC_2.2.5");
#endif

/*
 * The engine's OpenMP threads. Between its parallel regions PyTorch's worker threads spin, waiting for
 * the next one; a loop of ours that runs on the calling thread alone leaves them idle and reads the half
 * of each gradient they wrote from their caches. So the kernels run as parallel regions of the same
 * OpenMP runtime: the one the engine's own library (libtorch_cpu, whose path the caller passes) resolves
 * its OpenMP symbols to, looked up through that library's handle, which searches it and its dependencies
 * in load order. That is the runtime libtorch actually uses, whatever its file is called and whatever other
 * OpenMP runtimes the process holds. Without it the kernels run on the calling thread; results are the same
 * either way, as every element is computed on its own.
 */
typedef void (*gomp_parallel_fn)(void (*)(void *), void *, unsigned, unsigned);
typedef int (*omp_int_fn)(void);

static gomp_parallel_fn gomp_parallel;
static omp_int_fn omp_thread_num;
static omp_int_fn omp_num_threads;

JNIEXPORT jboolean JNICALL Java_org_vae4j_engine_NativeKernels_joinEngineOpenMp(JNIEnv *env, jclass cls,
                                                                                 jstring engineLibrary) {
    (void) cls;
    const char *path = (*env)->GetStringUTFChars(env, engineLibrary, NULL);
    if (path == NULL) {
        return JNI_FALSE; /* an OutOfMemoryError is pending */
    }
    /* RTLD_NOLOAD: only a library the engine has already loaded; the handle keeps it loaded. */
    void *engine = dlopen(path, RTLD_LAZY | RTLD_NOLOAD);
    (*env)->ReleaseStringUTFChars(env, engineLibrary, path);
    if (engine == NULL) {
        return JNI_FALSE;
    }
    gomp_parallel_fn parallel = (gomp_parallel_fn) dlsym(engine, "GOMP_parallel");
    omp_int_fn thread_num = (omp_int_fn) dlsym(engine, "omp_get_thread_num");
    omp_int_fn num_threads = (omp_int_fn) dlsym(engine, "omp_get_num_threads");
    if (parallel == NULL || thread_num == NULL || num_threads == NULL) {
        return JNI_FALSE;
    }
    omp_thread_num = thread_num;
    omp_num_threads = num_threads;
    __atomic_store_n(&gomp_parallel, parallel, __ATOMIC_RELEASE);
    return JNI_TRUE;
}

/* The file of the OpenMP runtime joined, or null: lets a test check it is the engine's. */
JNIEXPORT jstring JNICALL Java_org_vae4j_engine_NativeKernels_engineOpenMpLibraryNative(JNIEnv *env, jclass cls) {
    (void) cls;
    gomp_parallel_fn parallel = __atomic_load_n(&gomp_parallel, __ATOMIC_ACQUIRE);
    Dl_info info;
    if (parallel == NULL || dladdr((void *) parallel, &info) == 0 || info.dli_fname == NULL) {
        return NULL;
    }
    return (*env)->NewStringUTF(env, info.dli_fname);
}

/* The threads to use: the engine's count (from the caller), or 1 when its OpenMP runtime was not joined. */
static int pool_threads(jint engine_threads) {
    return __atomic_load_n(&gomp_parallel, __ATOMIC_ACQUIRE) != NULL && engine_threads > 1 ? engine_threads : 1;
}

/* Below this many elements a parallel region costs more than it saves. */
#define PARALLEL_MIN 65536

JNIEXPORT jlong JNICALL Java_org_vae4j_engine_NativeKernels_addressOf(JNIEnv *env, jclass cls, jobject buffer) {
    (void) cls;
    return (jlong) (intptr_t) (*env)->GetDirectBufferAddress(env, buffer);
}


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
        jlong count, jfloat beta1, jfloat beta2, jfloat shifted_epsilon, jfloat step_scale, jint engine_threads) {
    (void) cls;
    struct adam_task task = {
        (float *) (*env)->GetDirectBufferAddress(env, weight),
        (float *) (*env)->GetDirectBufferAddress(env, gradient),
        (float *) (*env)->GetDirectBufferAddress(env, mean),
        (float *) (*env)->GetDirectBufferAddress(env, variance),
        (size_t) count, beta1, beta2, shifted_epsilon, step_scale,
    };
    int threads = pool_threads(engine_threads);
    if (threads > 1 && task.count >= PARALLEL_MIN) {
        gomp_parallel(adam_share, &task, (unsigned) threads, 0);
    } else {
        adam_range(&task, 0, task.count);
    }
}

/*
 * Rows of a matrix gathered into a new one: a training step's mini-batch, picked by a shuffled index from
 * the resident data set. Each row is a separate trip to memory (and usually a TLB miss), so the threads
 * share the rows and each asks for its next rows' first cache lines before copying the current one.
 */
struct gather_task {
    const char *source;
    char *target;
    const jlong *rows;
    size_t count, row_bytes;
};

#define GATHER_AHEAD 4

static void gather_range(const struct gather_task *t, size_t from, size_t to) {
    for (size_t i = from; i < to; i++) {
        if (i + GATHER_AHEAD < to) {
            const char *ahead = t->source + (size_t) t->rows[i + GATHER_AHEAD] * t->row_bytes;
            __builtin_prefetch(ahead);
            __builtin_prefetch(ahead + 64);
        }
        memcpy(t->target + i * t->row_bytes, t->source + (size_t) t->rows[i] * t->row_bytes, t->row_bytes);
    }
}

static void gather_share(void *data) {
    const struct gather_task *t = data;
    size_t threads = (size_t) omp_num_threads();
    size_t id = (size_t) omp_thread_num();
    gather_range(t, t->count * id / threads, t->count * (id + 1) / threads);
}

JNIEXPORT void JNICALL Java_org_vae4j_engine_NativeKernels_gatherRowsNative(
        JNIEnv *env, jclass cls, jobject source, jlongArray rows, jobject target, jlong rowBytes,
        jint engine_threads) {
    (void) cls;
    jsize count = (*env)->GetArrayLength(env, rows);
    jlong *picked = (*env)->GetPrimitiveArrayCritical(env, rows, NULL);
    if (picked == NULL) {
        return; /* an OutOfMemoryError is pending */
    }
    struct gather_task task = {
        (const char *) (*env)->GetDirectBufferAddress(env, source),
        (char *) (*env)->GetDirectBufferAddress(env, target),
        picked, (size_t) count, (size_t) rowBytes,
    };
    int threads = pool_threads(engine_threads);
    if (threads > 1 && task.count * task.row_bytes >= 65536) {
        gomp_parallel(gather_share, &task, (unsigned) threads, 0);
    } else {
        gather_range(&task, 0, task.count);
    }
    (*env)->ReleasePrimitiveArrayCritical(env, rows, picked, JNI_ABORT);
}

/*
 * A fully connected layer on inputs with many exact zeros (image pixels, one-hot levels):
 * y = bias + x W^T summed over the non-zero entries of each row only. For each row the non-zero columns
 * are listed first (branch-free), then each block of 128 outputs is accumulated in eight AVX-512
 * registers, one fused multiply-add per non-zero input and output vector, reading the matching row of
 * W^T (in x out, row-major). The loops are tiled like a dense product's: 32 rows at a time, and inputs in
 * tiles of 32, so that the 16 KB of W^T a tile of inputs needs for a block of outputs stays in the L1
 * cache while all 32 rows use it. At half zeros (Fashion-MNIST) this does half the multiply-adds of a
 * dense product; the caller picks the dense product for denser data.
 */
#define ROW_TILE 32
#define INPUT_TILE 32
#define BLOCK_VECTORS 8
#define BLOCK_FLOATS (BLOCK_VECTORS * 16)

struct sparse_task {
    const float *x, *wt, *bias;
    float *y;
    size_t rows, in, out;
    int failed;
};

/* A row's non-zero inputs, in input order, and where each tile of inputs starts in that list. */
static void list_nonzeros(const float *row, size_t in, size_t tiles, uint32_t *index, float *value,
                          uint32_t *start) {
    size_t n = 0;
    for (size_t tile = 0; tile < tiles; tile++) {
        start[tile] = (uint32_t) n;
        size_t end = (tile + 1) * INPUT_TILE < in ? (tile + 1) * INPUT_TILE : in;
        for (size_t j = tile * INPUT_TILE; j < end; j++) {
            index[n] = (uint32_t) j;
            value[n] = row[j];
            n += row[j] != 0.0f;
        }
    }
    start[tiles] = (uint32_t) n;
}

/* y[0..128) += sum over the listed inputs of value * W^T[index, 0..128); y starts as bias when first. */
__attribute__((target("avx512f")))
static void sparse_block(const uint32_t *index, const float *value, size_t from, size_t to, const float *wt,
                         size_t out, const float *initial, float *y) {
    __m512 a0 = _mm512_loadu_ps(initial), a1 = _mm512_loadu_ps(initial + 16),
           a2 = _mm512_loadu_ps(initial + 32), a3 = _mm512_loadu_ps(initial + 48),
           a4 = _mm512_loadu_ps(initial + 64), a5 = _mm512_loadu_ps(initial + 80),
           a6 = _mm512_loadu_ps(initial + 96), a7 = _mm512_loadu_ps(initial + 112);
    for (size_t k = from; k < to; k++) {
        const float *w = wt + (size_t) index[k] * out;
        __m512 v = _mm512_set1_ps(value[k]);
        a0 = _mm512_fmadd_ps(v, _mm512_loadu_ps(w), a0);
        a1 = _mm512_fmadd_ps(v, _mm512_loadu_ps(w + 16), a1);
        a2 = _mm512_fmadd_ps(v, _mm512_loadu_ps(w + 32), a2);
        a3 = _mm512_fmadd_ps(v, _mm512_loadu_ps(w + 48), a3);
        a4 = _mm512_fmadd_ps(v, _mm512_loadu_ps(w + 64), a4);
        a5 = _mm512_fmadd_ps(v, _mm512_loadu_ps(w + 80), a5);
        a6 = _mm512_fmadd_ps(v, _mm512_loadu_ps(w + 96), a6);
        a7 = _mm512_fmadd_ps(v, _mm512_loadu_ps(w + 112), a7);
    }
    _mm512_storeu_ps(y, a0);
    _mm512_storeu_ps(y + 16, a1);
    _mm512_storeu_ps(y + 32, a2);
    _mm512_storeu_ps(y + 48, a3);
    _mm512_storeu_ps(y + 64, a4);
    _mm512_storeu_ps(y + 80, a5);
    _mm512_storeu_ps(y + 96, a6);
    _mm512_storeu_ps(y + 112, a7);
}

/* The last outputs (fewer than a block), one masked vector at a time, over all of a row's inputs. */
__attribute__((target("avx512f")))
static void sparse_tail(const uint32_t *index, const float *value, size_t nonzero, const float *wt,
                        size_t out, const float *bias, float *y, size_t width) {
    for (size_t c = 0; c < width; c += 16) {
        __mmask16 mask = width - c >= 16 ? (__mmask16) 0xFFFF : (__mmask16) ((1u << (width - c)) - 1);
        __m512 a = _mm512_maskz_loadu_ps(mask, bias + c);
        for (size_t k = 0; k < nonzero; k++) {
            a = _mm512_fmadd_ps(_mm512_set1_ps(value[k]),
                                _mm512_maskz_loadu_ps(mask, wt + (size_t) index[k] * out + c), a);
        }
        _mm512_mask_storeu_ps(y + c, mask, a);
    }
}

static int sparse_rows(const struct sparse_task *t, size_t from, size_t to) {
    size_t tiles = (t->in + INPUT_TILE - 1) / INPUT_TILE;
    uint32_t *index = malloc(ROW_TILE * t->in * sizeof(uint32_t));
    float *value = malloc(ROW_TILE * t->in * sizeof(float));
    uint32_t *start = malloc(ROW_TILE * (tiles + 1) * sizeof(uint32_t));
    if (index == NULL || value == NULL || start == NULL) {
        free(index);
        free(value);
        free(start);
        return 1;
    }
    size_t blocks_end = t->out / BLOCK_FLOATS * BLOCK_FLOATS;
    for (size_t tile = from; tile < to; tile += ROW_TILE) {
        size_t tile_rows = to - tile < ROW_TILE ? to - tile : ROW_TILE;
        for (size_t r = 0; r < tile_rows; r++) {
            list_nonzeros(t->x + (tile + r) * t->in, t->in, tiles, index + r * t->in, value + r * t->in,
                          start + r * (tiles + 1));
        }
        for (size_t c = 0; c < blocks_end; c += BLOCK_FLOATS) {
            for (size_t input_tile = 0; input_tile < tiles; input_tile++) {
                for (size_t r = 0; r < tile_rows; r++) {
                    const uint32_t *row_start = start + r * (tiles + 1);
                    float *y = t->y + (tile + r) * t->out + c;
                    sparse_block(index + r * t->in, value + r * t->in, row_start[input_tile],
                                 row_start[input_tile + 1], t->wt + c, t->out, input_tile == 0 ? t->bias + c : y, y);
                }
            }
        }
        if (blocks_end < t->out) {
            for (size_t r = 0; r < tile_rows; r++) {
                sparse_tail(index + r * t->in, value + r * t->in, start[r * (tiles + 1) + tiles],
                            t->wt + blocks_end, t->out, t->bias + blocks_end,
                            t->y + (tile + r) * t->out + blocks_end, t->out - blocks_end);
            }
        }
    }
    free(index);
    free(value);
    free(start);
    return 0;
}

/* One thread's share of the rows, in whole tiles. */
static void sparse_share(void *data) {
    struct sparse_task *t = data;
    size_t threads = (size_t) omp_num_threads();
    size_t id = (size_t) omp_thread_num();
    size_t tiles = (t->rows + ROW_TILE - 1) / ROW_TILE;
    size_t from = tiles * id / threads * ROW_TILE;
    size_t to = tiles * (id + 1) / threads * ROW_TILE;
    if (to > t->rows) {
        to = t->rows;
    }
    if (from < to && sparse_rows(t, from, to)) {
        __atomic_store_n(&t->failed, 1, __ATOMIC_RELAXED);
    }
}

JNIEXPORT jboolean JNICALL Java_org_vae4j_engine_NativeKernels_sparseLinearSupported(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") ? JNI_TRUE : JNI_FALSE;
}

JNIEXPORT jboolean JNICALL Java_org_vae4j_engine_NativeKernels_sparseLinearNative(
        JNIEnv *env, jclass cls, jobject x, jobject transposedWeight, jobject bias, jobject y,
        jlong rows, jlong in, jlong out, jint engine_threads) {
    (void) cls;
    struct sparse_task task = {
        (const float *) (*env)->GetDirectBufferAddress(env, x),
        (const float *) (*env)->GetDirectBufferAddress(env, transposedWeight),
        (const float *) (*env)->GetDirectBufferAddress(env, bias),
        (float *) (*env)->GetDirectBufferAddress(env, y),
        (size_t) rows, (size_t) in, (size_t) out, 0,
    };
    int threads = pool_threads(engine_threads);
    if (threads > 1 && task.rows >= 2 * ROW_TILE) {
        gomp_parallel(sparse_share, &task, (unsigned) threads, 0);
    } else {
        task.failed = sparse_rows(&task, 0, task.rows);
    }
    return task.failed ? JNI_FALSE : JNI_TRUE;
}

/* The index of the first value below low or above high (NaN is neither), or -1. Blocks are scanned
 * branch-free, so that the compiler vectorises the scan; only a block with a bad value is searched. */
__attribute__((target_clones("avx512f", "avx2", "default")))
static long first_outside(const float *values, size_t count, float low, float high) {
    const size_t block = 4096;
    for (size_t from = 0; from < count; from += block) {
        size_t to = count - from < block ? count : from + block;
        int outside = 0;
        for (size_t i = from; i < to; i++) {
            outside |= (values[i] < low) | (values[i] > high);
        }
        if (outside) {
            for (size_t i = from; i < to; i++) {
                if (values[i] < low || values[i] > high) {
                    return (long) i;
                }
            }
        }
    }
    return -1;
}

JNIEXPORT jlong JNICALL Java_org_vae4j_engine_NativeKernels_firstOutsideNative(
        JNIEnv *env, jclass cls, jobject values, jlong count, jfloat low, jfloat high) {
    (void) cls;
    return first_outside((const float *) (*env)->GetDirectBufferAddress(env, values), (size_t) count, low, high);
}
