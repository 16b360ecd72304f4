package org.vae4j.examples.tribuo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
 * {@code java -cp "examples/target/vae4j-examples-0.1.0-SNAPSHOT.jar:examples/target/lib/*"
 * org.vae4j.examples.tribuo.TribuoPipeline [data.csv]}.
 */
public final class TribuoPipeline {

    private TribuoPipeline() {}

    /**
     * Trains and evaluates on a CSV with a {@code class} column: the first argument, or the bundled diabetes
     * CSV (768 rows, 8 measurements, 2 classes).
     */
    public static void main(String[] args) throws IOException {
        Path csv = args.length > 0 ? Path.of(args[0]) : bundledCsv();
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

    /** The bundled diabetes CSV as a file: CSVLoader reads paths, and inside a jar the resource is not one. */
    static Path bundledCsv() throws IOException {
        Path file = Files.createTempFile("diabetes", ".csv");
        file.toFile().deleteOnExit();
        try (InputStream in = TribuoPipeline.class.getResourceAsStream("diabetes.csv")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
