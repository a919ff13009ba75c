package dev.lambdabridge.bridge.polyglot;

import org.graalvm.polyglot.Context;

/**
 * What a Ruby context may do beyond the shared {@link HostAccessSetting}, and why.
 *
 * <p><b>Native access, in the default (closed) sandbox too.</b> TruffleRuby does all file, directory, socket,
 * process and {@code ENV} operations through native POSIX calls (its {@code Truffle::POSIX}, on NFI), not through
 * the polyglot {@link org.graalvm.polyglot.io.FileSystem}: only {@code require} and {@code load} go through the
 * FileSystem. TruffleRuby has no Java POSIX backend any more (it dropped jnr-posix); without native access
 * ({@code ruby.platform-native=false}) {@code File.read}, {@code Dir}, {@code Tempfile}, {@code FileUtils},
 * sockets ({@code net/http}), {@code digest} and every C extension of the standard library ({@code date},
 * {@code time}, {@code openssl}, {@code psych}, {@code zlib}, {@code bigdecimal}) fail with "native access is not
 * allowed" (truffleruby/truffleruby#2088: the maintainers' answer is that Ruby needs real native POSIX calls;
 * only Sulong's managed mode, in Oracle GraalVM EE, could intercept them). So Ruby contexts get native access,
 * which opens, for the function's Ruby code:
 * <ul>
 *   <li>the whole file system with the process's own OS permissions (on Lambda, {@code /var/task} and {@code /opt}
 *       are read-only mounts and only {@code /tmp} is writable, which the OS enforces; reading elsewhere, such as
 *       {@code /proc/self/environ}, is possible);</li>
 *   <li>sockets, so the network (as on Lambda, where functions have it);</li>
 *   <li>the real process environment ({@code ENV}, {@code ENV[]=} calls setenv);</li>
 *   <li>native code: C extensions (the standard library's, and any a function ships) run in the process, and
 *       {@code FFI} (which TruffleRuby's own socket library is written on, so it cannot be refused) calls any
 *       function of any shared library.</li>
 * </ul>
 * What stays closed unless host access is {@code all}: Java ({@code Java.type} and host objects: host class lookup
 * stays off), other languages (polyglot access), and, at the Ruby level, processes ({@code system}, backticks,
 * {@code spawn}, {@code exec}, {@code fork}, {@code IO.popen}, {@code open("|...")}, so {@code Open3} too), which
 * bridge.rb's {@code close_processes} refuses with a SecurityError. That guard is Ruby-level: FFI or a C extension
 * can still call libc's {@code posix_spawn}. For Ruby the closed setting keeps honest code within bounds; it is
 * not a boundary against hostile code, which the process's OS permissions bound (on Lambda, the sandbox's).
 *
 * <p><b>Threads.</b> An embedded TruffleRuby is single-threaded by default ({@code ruby.single-threaded} defaults
 * to true when embedded, and to true whenever thread creation is not allowed), which refuses {@code Thread.new}
 * and Fibers (so {@code Enumerator#next} too): both are opened. The context is still entered by one invocation at
 * a time; guest threads may outlive an invocation, as on Lambda, where a thread keeps running in the next one.
 */
final class RubyContextOptions {
    private RubyContextOptions() {
    }

    static Context.Builder apply(Context.Builder builder) {
        return builder
                .allowExperimentalOptions(true)
                // puts and $stderr through the context's streams (the function's log), not straight to fd 1 and 2
                .option("ruby.polyglot-stdio", "true")
                .option("ruby.single-threaded", "false")
                .allowCreateThread(true)
                .allowNativeAccess(true);
    }
}
