package org.vae4j.examples.bench;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.vae4j.engine.Engines;

/**
 * The five large matrix products of one training step on the reference workload (batch 128, 784-400),
 * each timed alone through the engine, with the operands laid out as a linear layer's forward and
 * backward passes lay them out. Run beside {@code torch_vae_ext.py --gemm}, it separates what the two
 * libtorch builds' matrix libraries cost (DJL's libtorch uses MKL, Debian's torch OpenBLAS) from what
 * vae4j does around them. Prints, like the reference:
 * <pre>
 * GEMM peer=vae4j product=encoder.forward m=128 k=784 n=400 us=.. gflops=..
 * GEMM_TOTAL peer=vae4j us=.. gflops=..
 * </pre>
 */
public final class GemmBench {

    /** C[m x n] = op(A) op(B), where op transposes an operand stored the other way round. */
    private record Product(String name, int m, int k, int n, boolean transposeA, boolean transposeB) {
        double flops() {
            return 2.0 * m * k * n;
        }
    }

    private GemmBench() {}

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions("GemmBench")
                .option("--batch", "128", "rows per mini-batch")
                .option("--input", "784", "input width")
                .option("--hidden", "400", "hidden width")
                .option("--threads", "2", "PyTorch intra-op threads")
                .option("--calls", "2000", "timed calls per product (after as many untimed)");
        BenchRunner.run(options, args, o -> {
            if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
                System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(o.positiveInt("--threads")));
            }
            run(o.positiveInt("--batch"), o.positiveInt("--input"), o.positiveInt("--hidden"),
                    o.positiveInt("--calls"));
        });
    }

    private static void run(int b, int d, int h, int calls) {
        List<Product> products = List.of(
                new Product("encoder.forward", b, d, h, false, true),      // x W1^T, W1 stored [h, d]
                new Product("decoder.forward", b, h, d, false, true),      // h W4^T, W4 stored [d, h]
                new Product("decoder.input_grad", b, d, h, false, false),  // g W4
                new Product("decoder.weight_grad", d, b, h, true, false),  // g^T h
                new Product("encoder.weight_grad", h, b, d, true, false)); // g1^T x
        Engines.pytorch();
        System.out.println("peer=vae4j " + BenchRunner.versions() + " batch=" + b + " input=" + d + " hidden=" + h);
        double totalMicros = 0;
        double totalFlops = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Product p : products) {
                double micros = time(manager, p, calls);
                totalMicros += micros;
                totalFlops += p.flops();
                System.out.printf("GEMM peer=vae4j product=%s m=%d k=%d n=%d us=%.1f gflops=%.1f%n", p.name(), p.m(),
                        p.k(), p.n(), micros, p.flops() / micros / 1e3);
            }
        }
        System.out.printf("GEMM_TOTAL peer=vae4j us=%.1f gflops=%.1f%n", totalMicros, totalFlops / totalMicros / 1e3);
    }

    /** Median over blocks of 100 calls of the microseconds per call. */
    private static double time(NDManager manager, Product p, int calls) {
        NDArray a = operand(manager, p.m(), p.k(), p.transposeA());
        NDArray bOperand = operand(manager, p.k(), p.n(), p.transposeB());
        for (int i = 0; i < calls; i++) {
            a.matMul(bOperand).close();
        }
        List<Double> blocks = new ArrayList<>();
        for (int done = 0; done < calls; done += 100) {
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                a.matMul(bOperand).close();
            }
            blocks.add((System.nanoTime() - start) / 1e3 / 100);
        }
        return BenchRunner.median(blocks);
    }

    /** A rows x cols operand, stored transposed (a view of a cols x rows array) when asked. */
    private static NDArray operand(NDManager manager, int rows, int cols, boolean transposed) {
        return transposed
                ? manager.randomUniform(0, 1, new Shape(cols, rows)).transpose()
                : manager.randomUniform(0, 1, new Shape(rows, cols));
    }
}
