package org.vae4j.examples.synth;

/**
 * The macro-averaged F1 score of a confusion matrix: the unweighted mean over the classes of
 * 2 TP / (2 TP + FP + FN), over every class that occurs among the true or the predicted labels, so that a
 * classifier that never predicts a rare class is charged an F1 of 0 for it.
 */
public final class MacroF1 {

    private MacroF1() {}

    /**
     * The score of {@code confusion[actual][predicted]}; NaN for an empty matrix.
     */
    public static double of(double[][] confusion) {
        double sum = 0;
        int classes = 0;
        for (int k = 0; k < confusion.length; k++) {
            double tp = confusion[k][k];
            double fn = 0;
            double fp = 0;
            for (int j = 0; j < confusion.length; j++) {
                if (j != k) {
                    fn += confusion[k][j];
                    fp += confusion[j][k];
                }
            }
            if (tp + fn + fp > 0) {
                sum += 2 * tp / (2 * tp + fp + fn);
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }
}
