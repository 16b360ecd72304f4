package org.vae4j.weka;

import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;

/** The papers behind the vae4j Weka classes, as Weka's technical information. */
public final class VaeReferences {

    private VaeReferences() {}

    /** Kingma &amp; Welling (2014) with Rezende, Mohamed &amp; Wierstra (2014) added. */
    public static TechnicalInformation variationalAutoencoder() {
        TechnicalInformation result = new TechnicalInformation(Type.INPROCEEDINGS);
        result.setValue(Field.AUTHOR, "Diederik P. Kingma and Max Welling");
        result.setValue(Field.TITLE, "Auto-Encoding Variational Bayes");
        result.setValue(Field.BOOKTITLE, "2nd International Conference on Learning Representations (ICLR)");
        result.setValue(Field.YEAR, "2014");
        result.setValue(Field.URL, "https://arxiv.org/abs/1312.6114");

        TechnicalInformation additional = result.add(Type.INPROCEEDINGS);
        additional.setValue(Field.AUTHOR, "Danilo Jimenez Rezende and Shakir Mohamed and Daan Wierstra");
        additional.setValue(Field.TITLE,
                "Stochastic Backpropagation and Approximate Inference in Deep Generative Models");
        additional.setValue(Field.BOOKTITLE, "Proceedings of the 31st International Conference on Machine Learning");
        additional.setValue(Field.SERIES, "PMLR");
        additional.setValue(Field.VOLUME, "32");
        additional.setValue(Field.PAGES, "1278-1286");
        additional.setValue(Field.YEAR, "2014");
        return result;
    }

    /** The VAE papers plus Sohn, Lee &amp; Yan (2015), which introduced the conditional VAE. */
    public static TechnicalInformation conditionalVariationalAutoencoder() {
        TechnicalInformation result = variationalAutoencoder();
        TechnicalInformation additional = result.add(Type.INPROCEEDINGS);
        additional.setValue(Field.AUTHOR, "Kihyuk Sohn and Honglak Lee and Xinchen Yan");
        additional.setValue(Field.TITLE,
                "Learning Structured Output Representation using Deep Conditional Generative Models");
        additional.setValue(Field.BOOKTITLE, "Advances in Neural Information Processing Systems 28");
        additional.setValue(Field.PAGES, "3483-3491");
        additional.setValue(Field.YEAR, "2015");
        return result;
    }

    /**
     * The conditional neural process (Garnelo et al. 2018), the latent neural process (Garnelo et al. 2018) and
     * the attentive neural process (Kim et al. 2019).
     */
    public static TechnicalInformation neuralProcesses() {
        TechnicalInformation result = new TechnicalInformation(Type.INPROCEEDINGS);
        paper(result, "Marta Garnelo and Dan Rosenbaum and Chris J. Maddison and Tiago Ramalho and David Saxton "
                + "and Murray Shanahan and Yee Whye Teh and Danilo J. Rezende and S. M. Ali Eslami",
                "Conditional Neural Processes", Field.BOOKTITLE,
                "Proceedings of the 35th International Conference on Machine Learning", "2018",
                "https://arxiv.org/abs/1807.01613");
        paper(result.add(Type.MISC), "Marta Garnelo and Jonathan Schwarz and Dan Rosenbaum and Fabio Viola and "
                + "Danilo J. Rezende and S. M. Ali Eslami and Yee Whye Teh", "Neural Processes", Field.HOWPUBLISHED,
                "ICML 2018 Workshop on Theoretical Foundations and Applications of Deep Generative Models", "2018",
                "https://arxiv.org/abs/1807.01622");
        paper(result.add(Type.INPROCEEDINGS), "Hyunjik Kim and Andriy Mnih and Jonathan Schwarz and Marta Garnelo "
                + "and S. M. Ali Eslami and Dan Rosenbaum and Oriol Vinyals and Yee Whye Teh",
                "Attentive Neural Processes", Field.BOOKTITLE,
                "7th International Conference on Learning Representations (ICLR)", "2019",
                "https://arxiv.org/abs/1901.05761");
        return result;
    }

    private static void paper(TechnicalInformation entry, String authors, String title, Field venueField,
            String venue, String year, String url) {
        entry.setValue(Field.AUTHOR, authors);
        entry.setValue(Field.TITLE, title);
        entry.setValue(venueField, venue);
        entry.setValue(Field.YEAR, year);
        entry.setValue(Field.URL, url);
    }
}
