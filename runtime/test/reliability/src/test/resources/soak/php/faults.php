<?php
// The faults the soak's PHP programs share (exec/fault.php, worker/fault_worker.php). Returns false for a fault
// that is not one of these, for the caller to handle.
// $leadMs: how long before the deadline a slow handler finishes (the event's "lead").
function soak_shared_fault(string $fault, string $nonce, int $remainingMs, int $leadMs = 900): bool
{
    switch ($fault) {
        case 'ok':
            return true;
        case 'timeout':
            sleep(600);
            return true;
        case 'oom':
            ini_set('memory_limit', '32M');
            $hoard = [];
            while (true) {
                $hoard[] = str_repeat('x', 1 << 20);
            }
        case 'stderr-flood':
            $line = str_repeat('flood ', 20) . "$nonce\n";
            for ($i = 0; $i < 2000; $i++) {
                fwrite(STDERR, $line);
            }
            return true;
        case 'slow':
            usleep(max(0, $remainingMs - $leadMs) * 1000);
            return true;
        default:
            return false;
    }
}
