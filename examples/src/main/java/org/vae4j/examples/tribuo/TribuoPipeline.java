package org.vae4j.examples.tribuo;

import java.io.IOException;
import java.net.URL;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import org.tribuo.DataSource;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.evaluation.TrainTestSplitter;
import org.vae4j.tribuo.VaeTransformTrainer;
import org.vae4j.tribuo.VaeTransformedModel;

/**
 * The Tribuo pipeline of the README: load a CSV with Tribuo's {@code CSVLoader}, build the trainer (VAE
 * latent features, then logistic regression) from the OLCUT configuration {@code vae-pipeline.xml}, train,
 * and evaluate on a held-out split. Run with
 * {@code mvn -q -pl examples exec:java -Dexec.mainClass=org.vae4j.examples.tribuo.TribuoPipeline}.
 */
public final class TribuoPipeline {

    private TribuoPipeline() {}

    /** Trains and evaluates on the bundled diabetes CSV (768 rows, 8 measurements, 2 classes). */
    public static void main(String[] args) throws IOException {
        URL csv = TribuoPipeline.class.getResource("diabetes.csv");
        DataSource<Label> source = new CSVLoader<>(new LabelFactory()).loadDataSource(csv, "class");
        TrainTestSplitter<Label> splitter = new TrainTestSplitter<>(source, 0.7, 1L);
        MutableDataset<Label> train = new MutableDataset<>(splitter.getTrain());
        MutableDataset<Label> test = new MutableDataset<>(splitter.getTest());

        ConfigurationManager config = new ConfigurationManager("/org/vae4j/examples/tribuo/vae-pipeline.xml");
        @SuppressWarnings("unchecked") // the configuration file declares a trainer of labels
        VaeTransformTrainer<Label> trainer = (VaeTransformTrainer<Label>) config.lookup("vae-logistic");

        try (VaeTransformedModel<Label> model = trainer.train(train)) {
            LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, test);
            System.out.println("Trained on " + train.size() + " examples, " + train.getFeatureMap().size()
                    + " features -> " + model.getFeatureModel().latentFeatureNames());
            System.out.println(evaluation);
            System.out.println(evaluation.getConfusionMatrix());
        }
    }
}
