package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.io.ModelFile;
import org.vae4j.io.ModelFileTampering;
import org.vae4j.io.ModelFormatException;

/**
 * Every guide and prior trains, and survives a save and a load exactly: the loaded model encodes, generates
 * and scores bit for bit as the saved one, and the file's manifest names its components. A file naming a
 * component this installation lacks is refused naming it.
 */
class ComponentRoundTripTest {

    private static final Schema SCHEMA = Schema.of(List.of(Column.numeric("a"), Column.numeric("b"),
            Column.categorical("c", List.of("x", "y", "z"))));

    private static Table data() {
        Random random = new Random(4);
        Table.Builder builder = Table.builder(SCHEMA);
        for (int r = 0; r < 60; r++) {
            double t = random.nextGaussian();
            builder.addRow(new double[] {t, t * t + 0.1 * random.nextGaussian(), random.nextInt(3)});
        }
        return builder.build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "gaussian; mog:K=2; mc-elbo",
        "gaussian; vamp:K=3,std=0.5; iwae:k=3",
        "planar:flows=2; normal; mc-elbo",
        "radial:flows=2; mog:K=2; renyi:alpha=0.5,k=2",
        "iaf:flows=2,hidden=8,context=4; vamp:K=3,std=0.5; mc-elbo"})
    void everyComponentRoundTripsExactly(String guide, String prior, String objective) {
        VaeConfig config = VaeConfig.builder().latentDim(2).hidden(List.of(8)).epochs(2).batchSize(16).seed(3)
                .guide(guide).prior(prior).objective(objective).clampLogVariance(true).build();
        Table table = data();
        try (Vae vae = new VaeTrainer(config).fit(table)) {
            byte[] bytes = vae.toBytes();
            List<String> ids = ModelFile.fromBytes(bytes).components().stream().map(c -> c.kind() + " " + c.id())
                    .toList();
            assertEquals(List.of("guide " + config.guide().id(), "prior " + config.prior().id(),
                    "objective " + config.objective().id()), ids);
            try (Vae loaded = Vae.fromBytes(bytes)) {
                assertEquals(config, loaded.config());
                for (int r = 0; r < 5; r++) {
                    assertArrayEquals(vae.encodeMeans(table)[r], loaded.encodeMeans(table)[r], guide + " row " + r);
                }
                assertArrayEquals(vae.generate(7, 11).row(3), loaded.generate(7, 11).row(3));
                assertArrayEquals(vae.logLikelihood(table, 4, 5), loaded.logLikelihood(table, 4, 5));
                for (double ll : loaded.logLikelihood(table, 4, 5)) {
                    assertTrue(Double.isFinite(ll), guide + " / " + prior + ": " + ll);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"guide, maf", "prior, flowprior"})
    void aFileNamingAnUnknownComponentIsRefusedNamingIt(String kind, String id) {
        VaeConfig config = VaeConfig.builder().latentDim(2).hidden(List.of(4)).epochs(1).build();
        try (Vae vae = new VaeTrainer(config).fit(data())) {
            byte[] tampered = ModelFileTampering.withConfig(vae.toBytes(), map -> map.put(kind, id));
            String m = assertThrows(ModelFormatException.class, () -> Vae.fromBytes(tampered)).getMessage();
            assertTrue(m.contains(id) && m.contains(kind), m);
        }
    }
}
