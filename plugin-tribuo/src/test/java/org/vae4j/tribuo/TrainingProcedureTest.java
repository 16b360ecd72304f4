package org.vae4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.vae4j.engine.DeviceChoice;
import org.vae4j.infer.coupled.CoupledChainProcedure;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.TrainingHistory;
import org.vae4j.vae.VaeConfig;

/**
 * A training procedure with its own statistics (the coupled chains' maximum-likelihood objective) is chosen
 * through the trainer's configuration like any objective, and its per-epoch figures reach the Tribuo model and
 * survive its serialization.
 */
class TrainingProcedureTest {

    @Test
    void theUnbiasedObjectiveTrainsAndItsMeetingTimesReachTheModel() throws Exception {
        MutableDataset<Label> data = Blobs.labelled(5, 40, 40, 40);
        VaeConfig config = VaeConfig.builder().latentDim(2).hidden(List.of(16)).epochs(3).batchSize(32)
                .learningRate(1e-2).device(DeviceChoice.CPU).seed(5).objective("unbiased:particles=4,k=1,m=2").build();
        VaeFeatureTrainer trainer = new VaeFeatureTrainer(config, false, false, AbsentFeatures.ZERO);
        try (VaeFeatureModel model = trainer.trainFeatures(data)) {
            assertEquals("unbiased:particles=4,k=1,m=2,maxMeeting=100,guideBound=iwae",
                    trainer.getProvenance().getConfiguredParameters().get("objective").toString());
            TrainingHistory history = model.trainingHistory();
            assertEquals(3, history.epochs().size());
            for (EpochReport epoch : history.epochs()) {
                Map<String, Double> statistics = epoch.statistics();
                double meanMeeting = statistics.get(CoupledChainProcedure.MEETING_TIME_MEAN);
                assertTrue(meanMeeting >= 1 && meanMeeting <= statistics.get(CoupledChainProcedure.MEETING_TIME_MAX),
                        statistics.toString());
                double capped = statistics.get(CoupledChainProcedure.CAPPED_FRACTION);
                assertTrue(capped >= 0 && capped <= 1, statistics.toString());
            }
            Example<Label> encoded = model.transform(data.getExample(0).copy());
            encoded.forEach(feature -> assertTrue(Double.isFinite(feature.getValue()), feature.toString()));

            try (VaeFeatureModel copy = javaRoundTrip(model)) {
                assertEquals(history, copy.trainingHistory());
            }
        }
    }

    @Test
    void aBoundObjectiveReportsNoProcedureStatistics() {
        MutableDataset<Label> data = Blobs.labelled(6, 30, 30, 30);
        try (VaeFeatureModel model = new VaeFeatureTrainer(Blobs.quickConfig(6), false, false, AbsentFeatures.ZERO)
                .trainFeatures(data)) {
            assertEquals(2, model.trainingHistory().epochs().size());
            model.trainingHistory().epochs().forEach(epoch -> assertTrue(epoch.statistics().isEmpty(),
                    epoch.statistics().toString()));
        }
    }

    private static VaeFeatureModel javaRoundTrip(VaeFeatureModel model) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (VaeFeatureModel) in.readObject();
        }
    }
}
