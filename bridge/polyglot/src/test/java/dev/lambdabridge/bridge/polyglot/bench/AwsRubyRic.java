package dev.lambdabridge.bridge.polyglot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The competitor of the Ruby stdlib benchmark: AWS's Ruby runtime interface client (aws-lambda-ruby-runtime-interface-
 * client, plain Ruby) on CRuby, a persistent runtime as on Lambda's managed Ruby runtime: one process that
 * requires the handler's file once and loops over the Runtime API. Its code is not part of this project: the
 * benchmark takes a checkout of it ({@code --ruby-ric DIR}, its {@code lib/} is used) and runs it as the function's
 * command, started by the emulator with Lambda's environment ({@code _HANDLER}, {@code AWS_LAMBDA_RUNTIME_API}).
 */
record AwsRubyRic(Path checkout) {
    AwsRubyRic {
        if (!Files.isRegularFile(checkout.resolve("lib/aws_lambda_ric.rb"))) {
            throw new IllegalArgumentException("--ruby-ric " + checkout + ": no lib/aws_lambda_ric.rb (a checkout of "
                    + "aws/aws-lambda-ruby-runtime-interface-client is expected)");
        }
    }

    /**
     * The runtime's command: what its bin/aws_lambda_ric does, without {@code require 'bundler/setup'} (the client
     * has no runtime dependencies, and the function's directory has no Gemfile).
     */
    List<String> command() {
        return List.of("ruby", "-I", checkout.resolve("lib").toString(), "-e",
                "require 'aws_lambda_ric'; AwsLambdaRIC::Bootstrap.new.start");
    }

    /** The handler as the client takes it (FILE.METHOD), for {@code ruby:FILE.METHOD}. */
    static String handler(String rubyHandler) {
        return rubyHandler.substring("ruby:".length());
    }
}
