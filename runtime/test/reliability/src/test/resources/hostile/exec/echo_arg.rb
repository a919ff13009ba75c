# exec: echo: the event from the first argument back on stdout, byte for byte.
$stdout.write(ARGV[0])
