package dev.dendrite.api.tuning.shared;

import java.util.List;

/**
 * A study as a shared storage keeps it.
 *
 * @param name        its name
 * @param header      the tuner's description of its settings (JSON text)
 * @param trials      the most trials
 * @param totalEpochs the most epochs of all trials together, 0 for no limit
 * @param trialList   its trials in number order
 */
public record SharedStudy(String name, String header, int trials, long totalEpochs, List<SharedTrial> trialList) {

    public SharedStudy {
        trialList = List.copyOf(trialList);
    }
}
