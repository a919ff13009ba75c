<?php
// exec: echo: the event from stdin back on stdout, byte for byte.
fwrite(STDOUT, stream_get_contents(STDIN));
