package org.vae4j.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;
import org.vae4j.vae.VaeConfig;

/**
 * The training Params of a {@link VaeEstimator}: one string Param per option core-vae's {@link VaeConfig}
 * describes ({@link VaeConfig#toMap()}: the same names, the core defaults as defaults, parsed and validated
 * by {@link VaeConfig#fromMap}, whose errors name the option), so this list never falls out of step with
 * core; plus the two options of data-parallel training, {@code rounds} and {@code localSteps}.
 */
final class TrainingParams {

    private final Params owner;
    private final Map<String, Param<String>> options = new LinkedHashMap<>();
    final IntParam rounds;
    final IntParam localSteps;

    TrainingParams(Params owner) {
        this.owner = owner;
        for (Map.Entry<String, String> option : VaeConfig.builder().build().toMap().entrySet()) {
            Param<String> param = new Param<>(owner, option.getKey(), "the vae4j training option " + option.getKey()
                    + " (default " + option.getValue() + "), as text");
            options.put(option.getKey(), param);
            owner.setDefault(param, option.getValue());
        }
        rounds = new IntParam(owner, "rounds", "rounds of data-parallel training: each broadcasts the state, every "
                + "partition takes localSteps steps on its rows and the results are averaged (0: enough rounds for "
                + "the epochs option over the largest partition)", ParamValidators.gtEq(0));
        localSteps = new IntParam(owner, "localSteps", "training steps each partition takes per round",
                ParamValidators.gtEq(1));
        owner.setDefault(rounds, 0);
        owner.setDefault(localSteps, 50);
    }

    /** The Param of a core option. */
    Param<String> option(String name) {
        Param<String> param = options.get(name);
        if (param == null) {
            throw new IllegalArgumentException("unknown vae4j training option '" + name + "' (known: "
                    + options.keySet() + ")");
        }
        return param;
    }

    /**
     * The configuration the Params' current values describe.
     *
     * @throws IllegalArgumentException naming the option whose value is malformed or invalid
     */
    VaeConfig config() {
        Map<String, String> values = new LinkedHashMap<>();
        options.forEach((name, param) -> values.put(name, owner.getOrDefault(param)));
        return VaeConfig.fromMap(values).build();
    }

    List<Param<?>> all() {
        List<Param<?>> all = new ArrayList<>(options.values());
        all.add(rounds);
        all.add(localSteps);
        return all;
    }
}
