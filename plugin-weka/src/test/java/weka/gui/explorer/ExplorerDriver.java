package weka.gui.explorer;

import static org.vae4j.weka.ArffFixtures.attributeNames;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.io.File;
import java.util.concurrent.Callable;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;
import weka.datagenerators.classifiers.classification.VAEGenerator;
import weka.filters.unsupervised.attribute.VariationalAutoencoder;
import weka.gui.GenericObjectEditor;

/**
 * Drives the real Weka Explorer on a display: loads a data set, chooses the VAE filter, presses Apply,
 * then opens Generate with the VAE generator and generates. Prints one result line per step and saves a
 * screenshot of each state. In package weka.gui.explorer to reach the preprocess panel's controls.
 */
public final class ExplorerDriver {

    private static final long TIMEOUT_MS = 180_000;

    private ExplorerDriver() {}

    /** @param args the ARFF file to load and the directory for the screenshots */
    public static void main(String[] args) throws Exception {
        File arff = new File(args[0]);
        File shots = new File(args[1]);
        shots.mkdirs();
        GenericObjectEditor.determineClasses();
        Explorer explorer = onEdt(Explorer::new);
        JFrame frame = onEdt(() -> {
            JFrame f = new JFrame("Weka Explorer");
            f.getContentPane().add(explorer);
            f.setSize(1200, 760);
            f.setLocation(0, 0);
            f.setVisible(true);
            return f;
        });
        PreprocessPanel panel = explorer.getPreprocessPanel();
        Instances data = DataSource.read(arff.getPath());
        onEdt(() -> {
            panel.setInstances(data);
            return null;
        });

        VariationalAutoencoder filter = new VariationalAutoencoder();
        filter.setOptions(Utils.splitOptions("-E 10 -L 2"));
        onEdt(() -> {
            panel.m_FilterEditor.setValue(filter);
            return null;
        });
        screenshot(frame, new File(shots, "explorer-1-vae-filter-chosen.png"));

        onEdt(() -> {
            panel.m_ApplyFilterBut.doClick();
            return null;
        });
        waitFor(() -> panel.m_IOThread == null && panel.getInstances().attribute("z1") != null);
        System.out.println("applied " + attributeNames(panel.getInstances()));
        screenshot(frame, new File(shots, "explorer-2-vae-filter-applied.png"));

        VAEGenerator generator = new VAEGenerator();
        generator.setOptions(Utils.splitOptions("-E 10 -n 30 -training " + Utils.quote(arff.getPath())));
        panel.m_DataGenerator = generator;
        SwingUtilities.invokeLater(panel.m_GenerateBut::doClick);
        // Shown first at its title bar's size, the dialog grows once its property sheet (one row per option)
        // is laid out: wait for that before the screenshot.
        waitFor(() -> dialog() != null && dialog().getHeight() > 100);
        JDialog dialog = dialog();
        Thread.sleep(500);
        screenshot(dialog, new File(shots, "explorer-3-generate-dialog.png"));
        System.out.println("dialog " + ((DataGeneratorPanel) find(dialog, DataGeneratorPanel.class))
                .getGenerator().getClass().getName());

        AbstractButton generate = (AbstractButton) find(dialog, AbstractButton.class, "Generate");
        SwingUtilities.invokeLater(generate::doClick);
        waitFor(() -> !dialog.isShowing() && panel.getInstances().numInstances() == 30);
        System.out.println("generated " + panel.getInstances().numInstances() + " " + attributeNames(panel.getInstances()));
        Thread.sleep(500);
        screenshot(frame, new File(shots, "explorer-4-generated.png"));
        System.exit(0);
    }

    private static <T> T onEdt(Callable<T> body) throws Exception {
        Object[] result = new Object[1];
        Exception[] failure = new Exception[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                result[0] = body.call();
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.call()) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("timed out waiting for the Explorer");
            }
            Thread.sleep(200);
        }
    }

    private static JDialog dialog() {
        for (Window w : Window.getWindows()) {
            if (w instanceof JDialog d && d.isShowing() && "DataGenerator".equals(d.getTitle())) {
                return d;
            }
        }
        return null;
    }

    private static java.awt.Component find(java.awt.Container root, Class<?> type, String... text) {
        for (java.awt.Component c : root.getComponents()) {
            if (type.isInstance(c) && (text.length == 0 || text[0].equals(((AbstractButton) c).getText()))) {
                return c;
            }
            if (c instanceof java.awt.Container inner) {
                java.awt.Component found = find(inner, type, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void screenshot(Window window, File file) throws Exception {
        Thread.sleep(300);
        Rectangle bounds = onEdt(() -> new Rectangle(window.getLocationOnScreen(), window.getSize()));
        ImageIO.write(new Robot().createScreenCapture(bounds), "png", file);
    }
}
