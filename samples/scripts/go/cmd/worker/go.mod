module worker

go 1.19

require lambdabridge.dev/shim v0.0.0

// The shim is not published: it comes from this repository (copy bridge/process/shims/go next to your program
// and point the replace at it).
replace lambdabridge.dev/shim => ../../../../../bridge/process/shims/go
