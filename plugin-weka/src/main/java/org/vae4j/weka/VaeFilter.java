package org.vae4j.weka;

import java.util.Enumeration;

import org.vae4j.data.Table;
import org.vae4j.vae.Vae;

import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.Randomizable;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.filters.SimpleBatchFilter;

/**
 * What the vae4j filters have in common: the VAE settings and seed with their options, the attribute
 * capabilities of the mixed likelihood, and a VAE trained on the first batch that later batches reuse
 * and that survives serialization. Subclasses decide what the VAE is trained on and what comes out.
 */
public abstract class VaeFilter extends SimpleBatchFilter
        implements VaeSettingsHandler, Randomizable, TechnicalInformationHandler {

    private static final long serialVersionUID = 1L;

    private VaeSettings m_Settings = new VaeSettings();
    private int m_Seed = SeededOptions.DEFAULT_SEED;
    private TrainedVae m_Model;
    /** Rows of the current batch already handed to {@link #process}, to number rows in messages. */
    private transient int m_RowsProcessed;

    @Override
    public VaeSettings vaeSettings() {
        return m_Settings;
    }

    @Override
    public void setSeed(int seed) {
        m_Seed = seed;
    }

    @Override
    public int getSeed() {
        return m_Seed;
    }

    /** Tip text for the seed. */
    public String seedTipText() {
        return "Seed for the network's initialisation, the order of the training rows and any sampling.";
    }

    @Override
    public Enumeration<Option> listOptions() {
        return SeededOptions.list(VaeSettings.listOptions(), super.listOptions());
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        setSeed(SeededOptions.read(m_Settings, options));
        super.setOptions(options);
    }

    @Override
    public String[] getOptions() {
        return SeededOptions.write(m_Settings, m_Seed, super.getOptions());
    }

    /** Numeric, date and nominal attributes, with missing values; subclasses add the class capabilities. */
    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        result.disableAll();
        InstancesSchema.enableAttributes(result);
        return result;
    }

    @Override
    public TechnicalInformation getTechnicalInformation() {
        return VaeReferences.variationalAutoencoder();
    }

    @Override
    public boolean input(Instance instance) throws Exception {
        startBatchCount();
        return super.input(instance);
    }

    @Override
    public boolean input(Instances instances) throws Exception {
        startBatchCount();
        return super.input(instances);
    }

    private void startBatchCount() {
        if (isNewBatch()) {
            m_RowsProcessed = 0;
        }
    }

    /**
     * Finishes a batch. An empty first batch defines the output format but trains nothing (there is nothing
     * to learn from): the filter stays untrained, and the next batch is buffered and trained on as the first.
     * A first batch with instance weights is trained on as if unweighted, with a warning.
     */
    @Override
    public boolean batchFinished() throws Exception {
        boolean emptyFirstBatch = !isFirstBatchDone() && getInputFormat() != null
                && getInputFormat().numInstances() == 0;
        if (!isFirstBatchDone() && getInputFormat() != null) {
            IgnoredWeights.warnIfAny(getInputFormat(), getClass().getSimpleName());
        }
        boolean pending = super.batchFinished();
        if (emptyFirstBatch) {
            m_FirstBatchDone = false;
        }
        return pending;
    }

    /**
     * The rows {@link #process} was given as a table, numbering them in messages by their place in the
     * current batch counted from 1, also when Weka hands later batches over one row at a time.
     *
     * @throws IllegalArgumentException naming the row and attribute of a value that does not fit
     */
    protected Table toTable(InstancesSchema schema, Instances rows) {
        int first = m_RowsProcessed + 1;
        m_RowsProcessed += rows.numInstances();
        return schema.toTable(rows, first);
    }

    /**
     * Trains the filter's VAE on {@code table}, replacing (and freeing) any earlier one.
     *
     * @throws InterruptedException if the thread is interrupted during training
     */
    protected Vae train(Table table) throws InterruptedException {
        if (m_Model != null) {
            m_Model.close();
            m_Model = null;
        }
        m_Model = TrainedVae.train(table, m_Settings.toConfig(m_Seed), getDebug() ? System.err : null);
        return m_Model.vae();
    }

    /**
     * The VAE trained on the first batch.
     *
     * @throws IllegalStateException before the first batch
     */
    protected Vae model() {
        if (m_Model == null) {
            throw new IllegalStateException("the filter has not been trained: give it a first batch with rows");
        }
        return m_Model.vae();
    }
}
