package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.engine.Engines;

/**
 * Native memory is owned: the number of live native arrays in the JVM is the same after every epoch and
 * after every inference call, and returns to where it started once the model is closed.
 */
class NativeMemoryTest {

    private static int liveArrays() {
        // Every base manager hangs off the engine's system manager, so its tree holds all live arrays.
        try (NDManager probe = Engines.pytorch().newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    @Test
    void liveNativeArraysStayFlatOverEpochsAndCalls() {
        Engines.pytorch();
        Schema schema = Schema.of(List.of(Column.numeric("a"), Column.numeric("b"),
                Column.categorical("c", List.of("x", "y", "z")))).withCondition(Column.binary("k", "no", "yes"));
        Random random = new Random(1);
        Table.Builder builder = Table.builder(schema);
        for (int i = 0; i < 500; i++) {
            builder.addRow(new double[] {random.nextGaussian(), random.nextDouble() < 0.2 ? Double.NaN : 1,
                    random.nextInt(3)}, random.nextInt(2));
        }
        Table table = builder.build();
        int before = liveArrays();
        List<Integer> perEpoch = new ArrayList<>();
        TrainingListener counter = new TrainingListener() {
            @Override
            public void onEpoch(EpochReport report) {
                perEpoch.add(liveArrays());
            }
        };
        VaeConfig config = VaeConfig.builder().latentDim(2).hidden(List.of(16)).epochs(12).batchSize(32)
                .validationFraction(0.2).patience(100).freeBits(0.1).warmupEpochs(3).build();
        try (Vae vae = new VaeTrainer(config).listener(counter).fit(table)) {
            assertTrue(perEpoch.get(0) > before + 10, "the count sees the model's parameters and optimizer state");
            for (int e = 1; e < perEpoch.size(); e++) {
                assertEquals(perEpoch.get(0), perEpoch.get(e), "live native arrays after epoch " + (e + 1));
            }
            int trained = liveArrays();
            for (int call = 0; call < 5; call++) {
                vae.encode(table);
                vae.logLikelihood(table, 4, call);
                vae.generate(50, call);
                vae.reconstruct(table);
                assertEquals(trained, liveArrays(), "live native arrays after inference call " + call);
            }
        }
        assertEquals(before, liveArrays(), "closing the model frees all its arrays");
    }
}
