<?php
// exec: a program whose stdout is 100,000 nested arrays (valid JSON, 200,000 bytes).
echo str_repeat('[', 100000), str_repeat(']', 100000);
