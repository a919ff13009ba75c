package dev.lambdabridge.emulator;

import java.util.Map;

/**
 * What the processes of one sandbox start with: the function, its Runtime API port (also its metadata endpoint),
 * the emulator's own environment (where the AWS credentials, profile and region come from) and the sandbox's
 * metadata token.
 */
record Launch(FunctionConfig config, int runtimeApiPort, Map<String, String> hostEnv, String metadataToken) {
    Launch {
        hostEnv = Map.copyOf(hostEnv);
    }
}
