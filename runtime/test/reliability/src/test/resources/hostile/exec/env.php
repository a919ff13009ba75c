<?php
// exec: the program's whole environment as a JSON object.
echo json_encode(getenv(), JSON_FORCE_OBJECT);
