package org.vae4j.weka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;

import org.vae4j.options.ComponentRegistry;
import org.vae4j.options.ComponentSpec;
import org.vae4j.options.ComponentType;
import org.vae4j.options.OptionDescription;
import org.vae4j.vae.InvalidOptionException;

import weka.core.CustomDisplayStringProvider;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.SelectedTag;
import weka.core.Utils;

/**
 * A component option (guide, prior, objective) as an object Weka's GenericObjectEditor chooses and edits, the
 * way a FilteredClassifier's classifier is: a drop-down of the components registered for the kind, and the
 * chosen one's options, all made from the registry's descriptions. As options it is {@code -id iwae -k 5};
 * the editor shows it as its spec, {@code iwae:k=5}. There is one small subclass per kind; a component added
 * to the registry appears here without any change.
 */
public abstract class ComponentHandler implements OptionHandler, Serializable, CustomDisplayStringProvider {

    private static final long serialVersionUID = 1L;

    private String spec;

    /**
     * A handler set to {@code specText}.
     *
     * @throws IllegalArgumentException naming the option and component for a spec that is not accepted
     */
    protected ComponentHandler(String specText) {
        setSpecText(specText);
    }

    /** The component option this handler edits (a constant: the constructor calls it). */
    protected abstract OptionDescription option();

    private ComponentSpec spec() {
        return (ComponentSpec) option().parse(spec);
    }

    /** The spec of the chosen component with its options, such as {@code iwae:k=5}. */
    public String specText() {
        return spec;
    }

    /**
     * Chooses the component and its options written as {@code id[:key=value,...]}.
     *
     * @throws IllegalArgumentException naming the option, the component and its option at fault
     */
    public void setSpecText(String text) {
        try {
            spec = ((ComponentSpec) option().parse(text)).toString();
        } catch (InvalidOptionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** @return a description for the GUI: the kind and its registered components */
    public String globalInfo() {
        StringBuilder text = new StringBuilder(option().help()).append("\n\nRegistered:");
        for (ComponentType type : ComponentRegistry.standard().ofKind(option().kind().orElseThrow())) {
            text.append("\n").append(type.id()).append(": ").append(type.summary());
        }
        return text.toString();
    }

    @Override
    public Enumeration<Option> listOptions() {
        Vector<Option> result = new Vector<>();
        result.add(new Option("\tThe " + option().name() + ": one of "
                + String.join(", ", ComponentRegistry.standard().ids(option().kind().orElseThrow()))
                + ".\n\t(default " + option().defaultText() + ")", "id", 1, "-id <id>"));
        for (OptionDescription o : spec().type().options()) {
            result.add(new Option("\t" + o.fullHelp(), o.name(), 1, "-" + o.name() + " <value>"));
        }
        return result.elements();
    }

    /**
     * Chooses the component named by {@code -id} (the default one without it) and reads its options.
     *
     * @throws IllegalArgumentException naming the component and the option that is unknown or not accepted
     */
    @Override
    public void setOptions(String[] options) throws Exception {
        String id = Utils.getOption("id", options);
        ComponentType type = ComponentRegistry.standard().find(option().name(), option().kind().orElseThrow(),
                id.isEmpty() ? option().defaultText() : id);
        List<String> pairs = new ArrayList<>();
        for (OptionDescription o : type.options()) {
            String value = Utils.getOption(o.name(), options);
            if (!value.isEmpty()) {
                pairs.add(o.name() + "=" + value);
            }
        }
        for (String rest : options) {
            if (!rest.isEmpty()) {
                throw new IllegalArgumentException("option " + option().name() + " '" + type.id() + "' has no option "
                        + rest + " (its options: " + String.join(", ", type.options().stream()
                        .map(OptionDescription::name).toList()) + ")");
            }
        }
        setSpecText(type.id() + (pairs.isEmpty() ? "" : ":" + String.join(",", pairs)));
    }

    @Override
    public String[] getOptions() {
        ComponentSpec current = spec();
        List<String> result = new ArrayList<>(List.of("-id", current.id()));
        current.options().toTextMap().forEach((name, value) -> {
            result.add("-" + name);
            result.add(value);
        });
        return result.toArray(new String[0]);
    }

    /** @return the chosen component, as a drop-down of the registered ones */
    public SelectedTag getComponent() {
        return ChoiceTags.of(ComponentRegistry.standard().ids(option().kind().orElseThrow()), spec().id());
    }

    /** Chooses a component, with its default options. */
    public void setComponent(SelectedTag value) {
        setSpecText(value.getSelectedTag().getIDStr());
    }

    /** @return tip text for the component */
    public String componentTipText() {
        return "Which " + option().name() + " to use (see the description above).";
    }

    /** @return the chosen component's options as {@code key=value,...} (empty if it has none) */
    public String getSettings() {
        int colon = spec.indexOf(':');
        return colon < 0 ? "" : spec.substring(colon + 1);
    }

    /**
     * Sets the chosen component's options, written {@code key=value,...}; options not given get their defaults.
     *
     * @throws IllegalArgumentException naming the component and its option at fault
     */
    public void setSettings(String value) {
        String id = spec().id();
        setSpecText(value.isBlank() ? id : id + ":" + value);
    }

    /** @return tip text for the settings: each option of the chosen component with its help and default */
    public String settingsTipText() {
        List<OptionDescription> options = spec().type().options();
        if (options.isEmpty()) {
            return "The chosen " + option().name() + " has no options.";
        }
        StringBuilder text = new StringBuilder("Options of " + spec().id() + ", as key=value,...:");
        for (OptionDescription o : options) {
            text.append(' ').append(o.name()).append(": ").append(o.fullHelp());
        }
        return text.toString();
    }

    @Override
    public String toDisplay() {
        return spec;
    }

    @Override
    public String toString() {
        return spec;
    }
}
